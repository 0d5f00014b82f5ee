package dev.sora4j.model;

/** The service's confirmation of a delete; {@code json} is its object verbatim. */
public record DeletedVideo(String id, boolean deleted, String json) {}
