/**
 * The reference CLI's structured prompt augmentation: labelled lines in a fixed order around the user's prompt.
 */
package dev.sora4j.prompt;
