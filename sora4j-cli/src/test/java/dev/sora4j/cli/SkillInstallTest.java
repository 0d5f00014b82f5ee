package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.options.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sora skill install} in-process: where it copies, what it records, when it refuses. */
class SkillInstallTest {
    @TempDir
    Path dir;

    private CliRun.Result sora(Map<String, String> env, String... args) {
        return new CliRun(env, Clock.systemUTC(), Sleeper.system()).run(args);
    }

    private CliRun.Result sora(String... args) {
        return sora(Map.of("SORA4J_HOME", dir.resolve("home").toString()), args);
    }

    @Test
    void installs_a_copy_that_records_the_checkout_and_keeps_the_launcher_executable() throws Exception {
        CliRun.Result r =
                sora("skill", "install", "--dir", dir.resolve("skills").toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path skill = dir.resolve("skills/sora");
        assertThat(Json.parse(r.out())).containsEntry("action", "installed").containsEntry("skill", skill.toString());
        assertThat(skill.resolve("SKILL.md")).hasSameTextualContentAs(DocsMarkdown.SKILL.resolve("SKILL.md"));
        assertThat(skill.resolve("references/cli.md")).exists();
        assertThat(Files.readString(skill.resolve("scripts/sora.conf"))).contains("SORA4J_ROOT=" + DocsMarkdown.ROOT);
        assertThat(Files.getPosixFilePermissions(skill.resolve("scripts/sora")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void a_second_install_updates_in_place_and_drops_stale_files() throws Exception {
        Path skills = dir.resolve("skills");
        assertThat(sora("skill", "install", "--dir", skills.toString()).code()).isZero();
        Files.writeString(skills.resolve("sora/references/old.md"), "stale");
        CliRun.Result again = sora("skill", "install", "--dir", skills.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Json.parse(again.out())).containsEntry("action", "updated");
        assertThat(skills.resolve("sora/references/old.md")).doesNotExist();
        try (var left = Files.list(skills)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("sora");
        }
    }

    @Test
    void an_unrelated_skill_is_not_clobbered_without_force() throws Exception {
        Path theirs = Files.createDirectories(dir.resolve("skills/sora"));
        Files.writeString(theirs.resolve("SKILL.md"), "---\nname: sora\n---\nsomeone else's");
        CliRun.Result refused =
                sora("skill", "install", "--dir", dir.resolve("skills").toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(refused.err()).contains("exists and was not installed by sora4j", "--force");
        assertThat(Files.readString(theirs.resolve("SKILL.md"))).contains("someone else's");

        CliRun.Result forced =
                sora("skill", "install", "--dir", dir.resolve("skills").toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(theirs.resolve("SKILL.md")))
                .contains("name: sora")
                .doesNotContain("someone else's");
    }

    @Test
    void a_link_to_the_skill_itself_is_left_alone() throws Exception {
        Path skills = Files.createDirectories(dir.resolve("skills"));
        Files.createSymbolicLink(skills.resolve("sora"), DocsMarkdown.SKILL);
        CliRun.Result r = sora("skill", "install", "--dir", skills.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Json.parse(r.out())).containsEntry("action", "linked");
        assertThat(Files.isSymbolicLink(skills.resolve("sora"))).isTrue();
        assertThat(DocsMarkdown.SKILL.resolve("scripts/sora.conf")).doesNotExist();
    }

    @Test
    void codex_and_claude_use_their_documented_directories() {
        Map<String, String> env = Map.of(
                "SORA4J_HOME",
                dir.resolve("home").toString(),
                "CODEX_HOME",
                dir.resolve("codex").toString());
        assertThat(sora(env, "skill", "install", "--codex").code()).isZero();
        assertThat(dir.resolve("codex/skills/sora/SKILL.md")).exists();
        // CliRun's user.home is SORA4J_HOME.
        assertThat(sora("skill", "install", "--claude").code()).isZero();
        assertThat(dir.resolve("home/.claude/skills/sora/SKILL.md")).exists();
        assertThat(sora("skill", "install", "--codex").code()).isZero();
        assertThat(dir.resolve("home/.codex/skills/sora/SKILL.md")).exists();
    }

    @Test
    void exactly_one_destination_is_required() {
        CliRun.Result none = sora("skill", "install");
        assertThat(none.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(none.err()).contains("Missing required argument (specify one of these)");
        assertThat(sora("skill", "install", "--codex", "--claude").code()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void a_skills_dir_inside_the_skill_is_refused() {
        CliRun.Result r = sora(
                "skill",
                "install",
                "--dir",
                DocsMarkdown.SKILL.resolve("references").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("is inside the skill itself");
    }
}
