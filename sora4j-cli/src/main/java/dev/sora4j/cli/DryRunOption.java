package dev.sora4j.cli;

import picocli.CommandLine.Option;

/** {@code --dry-run}: print the exact request and send nothing. */
final class DryRunOption {
    @Option(
            names = "--dry-run",
            description = "Print the exact request (endpoint, body, file paths) and send nothing; needs no key.")
    boolean enabled;
}
