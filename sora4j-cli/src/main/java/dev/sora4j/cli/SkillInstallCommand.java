package dev.sora4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sora skill install}: copies the skill where an agent looks for skills. */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Copy the sora skill into an agent's skills directory, as DIR/sora:",
            "  --codex   $CODEX_HOME/skills (default ~/.codex/skills)",
            "  --claude  ~/.claude/skills (Claude Code's personal skills)",
            "  --dir     any skills directory, e.g. ~/.agents/skills",
            "The copy records this checkout in scripts/sora.conf (SORA4J_ROOT), so its",
            "scripts/sora runs this CLI from any directory. Running it again updates the",
            "copy in place; a DIR/sora that sora4j did not install is left alone unless",
            "--force; a DIR/sora that links to this skill is left as it is.",
            "",
            "Examples:",
            "  sora skill install --claude",
            "  sora skill install --dir ~/.agents/skills --force",
        })
final class SkillInstallCommand implements Callable<Integer> {
    @ParentCommand
    SkillCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    /** Exactly one destination. */
    static final class Where {
        @Option(names = "--codex", description = "Install for Codex: $CODEX_HOME/skills, else ~/.codex/skills.")
        boolean codex;

        @Option(names = "--claude", description = "Install for Claude Code: ~/.claude/skills.")
        boolean claude;

        @Option(names = "--dir", paramLabel = "DIR", description = "Install into DIR/sora (DIR is created if missing).")
        Path dir;
    }

    @Option(names = "--force", description = "Replace a DIR/sora that sora4j did not install (or a link there).")
    boolean force;

    @Override
    public Integer call() {
        CliContext context = parent.root.context();
        SkillInstaller installer = new SkillInstaller(context::env, context::systemProperty);
        SkillInstaller.Result result = installer.install(skillsDir(context), force);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", result.action());
        out.put("skill", result.target().toString());
        out.put("source", result.source().toString());
        out.put("sora4j_root", result.root().toString());
        out.put("launcher", result.target().resolve("scripts/sora").toString());
        context.out().println(Json.pretty(out));
        context.out().flush();
        context.err()
                .println(
                        switch (result.action()) {
                            case "linked" -> result.target() + " already links to this skill; nothing to change.";
                            case "updated" -> "Updated the sora skill in " + result.target() + ".";
                            default ->
                                "Installed the sora skill in " + result.target()
                                        + ". Restart the agent (or start a new session) to load it.";
                        });
        context.err().flush();
        return ExitCodes.OK;
    }

    private Path skillsDir(CliContext context) {
        if (where.dir != null) {
            return where.dir;
        }
        Path home = Path.of(context.systemProperty("user.home"));
        if (where.codex) {
            String codexHome = context.env("CODEX_HOME");
            return codexHome == null || codexHome.isBlank()
                    ? home.resolve(".codex/skills")
                    : Path.of(codexHome).resolve("skills");
        }
        return home.resolve(".claude/skills");
    }
}
