/**
 * Settings resolved from system properties, the environment and {@code ~/.sora4j/config.properties}, in that order.
 */
package dev.sora4j.config;
