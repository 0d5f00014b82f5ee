package dev.sora4j.model;

import java.nio.file.Path;

/** A finished download: where it is, its size and its SHA-256 (hex). */
public record DownloadResult(Path path, long bytes, String sha256) {}
