package dev.sora4j.cli;

import picocli.CommandLine.Command;

/** {@code sora skill}: the agent skill (SKILL.md, references, launcher) that ships with sora4j. */
@Command(
        name = "skill",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "The sora agent skill (skill/sora: SKILL.md, references, scripts/sora) for coding agents.",
            "",
            "Example:",
            "  sora skill install --claude",
        },
        subcommands = {SkillInstallCommand.class})
final class SkillCommand extends CommandGroup {}
