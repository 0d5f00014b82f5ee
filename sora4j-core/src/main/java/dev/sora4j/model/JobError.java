package dev.sora4j.model;

/** Why a job failed, as the server reported it; {@code code} is an open string. */
public record JobError(String code, String message) {}
