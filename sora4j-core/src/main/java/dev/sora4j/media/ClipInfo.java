package dev.sora4j.media;

/**
 * A character clip's duration and picture size, read from its MP4 header.
 *
 * @param seconds the movie duration ({@code mvhd})
 * @param width the video track's display width ({@code tkhd}), 0 when there is no video track
 * @param height the video track's display height ({@code tkhd})
 */
public record ClipInfo(double seconds, int width, int height) {}
