package dev.sora4j.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --download} with its target flags, on commands that wait for a job. */
final class DownloadOptions {
    @Option(names = "--download", description = "Download the result once the job completes.")
    boolean download;

    @Mixin
    TargetOptions target;
}
