package dev.sora4j.model;

/** A legacy remix of a completed video; {@link EditRequest} is the successor. */
public record RemixRequest(String videoId, String prompt) {}
