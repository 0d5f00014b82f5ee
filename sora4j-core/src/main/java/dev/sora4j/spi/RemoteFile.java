package dev.sora4j.spi;

/**
 * A file stored by the Files API.
 *
 * @param id {@code file-...}
 * @param filename the name given at upload
 * @param purpose e.g. {@code batch}, {@code batch_output}, {@code vision}
 * @param bytes its size
 * @param createdAt Unix seconds
 */
public record RemoteFile(String id, String filename, String purpose, long bytes, long createdAt) {}
