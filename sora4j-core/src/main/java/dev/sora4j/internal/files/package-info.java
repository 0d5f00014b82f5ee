/**
 * Implementation: resumable, checked downloads, atomic small-file writes, MP4 structure checks and media sniffing.
 * Not API.
 */
package dev.sora4j.internal.files;
