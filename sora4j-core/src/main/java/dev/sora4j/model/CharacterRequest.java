package dev.sora4j.model;

import java.nio.file.Path;

/** A reusable character made from a short MP4 clip; {@code name} must then appear in prompts that use it. */
public record CharacterRequest(String name, Path videoFile) {}
