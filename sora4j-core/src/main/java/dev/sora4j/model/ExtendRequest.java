package dev.sora4j.model;

/**
 * Extends a completed video by a new segment. Extensions take only a source video and a prompt:
 * no characters and no image reference.
 *
 * @param seconds length of the new segment (the new job reports the stitched total)
 */
public record ExtendRequest(String videoId, String prompt, String seconds) {}
