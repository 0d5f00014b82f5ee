package dev.sora4j.cli;

import picocli.CommandLine.Option;

/** {@code --force} on commands whose only output file is {@code --json-out}. */
final class ForceOption {
    @Option(names = "--force", description = "Overwrite an existing --json-out file.")
    boolean force;
}
