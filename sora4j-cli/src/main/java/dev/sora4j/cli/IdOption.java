package dev.sora4j.cli;

import picocli.CommandLine.Option;

/** {@code --id}: the video job a command acts on. */
final class IdOption {
    @Option(names = "--id", required = true, paramLabel = "VIDEO_ID", description = "The video job id (video_...).")
    String id;
}
