package dev.sora4j.model;

/**
 * A reusable character ({@code char_...}).
 *
 * @param createdAt Unix seconds
 * @param json the service's object as received
 */
public record Character(String id, String name, long createdAt, String json) {}
