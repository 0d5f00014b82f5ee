package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 3: {@code sora skill install --dir X}, then the installed
 * {@code X/sora/scripts/sora --offline create-and-poll ... --download --out v.mp4} from another
 * directory, both as separate processes, as an agent runs them; and the launcher through a symlink.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SkillInstallIT {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    @AfterEach
    void stopBackgroundEmulator() {
        new SoraProcesses(dir).stopBackgroundEmulator();
    }

    private Run run(Path workDir, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OPENAI_") || k.startsWith("SORA4J_"));
        pb.environment().put("SORA4J_HOME", dir.resolve("home").toString());
        pb.environment().put("SORA4J_NO_BUILD", "1");
        pb.environment().put("SORA4J_EMULATOR_RENDER", "fast");
        pb.environment().put("SORA4J_EMULATOR_IDLE", "60s");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", cmd)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void the_installed_launcher_makes_a_video_from_another_directory() throws Exception {
        Path skills = dir.resolve("agent-skills");
        Path bin = DocsMarkdown.ROOT.resolve("bin/sora");
        Run install = run(dir, bin.toString(), "skill", "install", "--dir", skills.toString());
        assertThat(install.code()).as(install.err()).isZero();

        Path elsewhere = Files.createDirectories(dir.resolve("somewhere/else"));
        Path launcher = skills.resolve("sora/scripts/sora");
        Run made = run(
                elsewhere,
                launcher.toString(),
                "--offline",
                "create-and-poll",
                "--prompt",
                "A paper boat drifting on a pond at dawn",
                "--download",
                "--out",
                "v.mp4");
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.err()).contains("local sora4j emulator");
        try (FFmpegFrameGrabber g =
                new FFmpegFrameGrabber(elsewhere.resolve("v.mp4").toFile())) {
            g.start();
            assertThat(g.getImageWidth()).isEqualTo(1280);
            assertThat(g.getImageHeight()).isEqualTo(720);
            assertThat(g.getVideoCodecName()).isEqualTo("h264");
            g.stop();
        }

        // Through a symlink (as ~/bin/sora -> the skill's launcher), from yet another directory.
        Path link = Files.createSymbolicLink(dir.resolve("sora-link"), launcher);
        Run viaLink = run(elsewhere, link.toString(), "--offline", "jobs", "--json");
        assertThat(viaLink.code()).as(viaLink.err()).isZero();
        assertThat(viaLink.out()).contains("create");
    }

    @Test
    void without_java_the_launcher_says_so_and_exits_127() throws Exception {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("bash", "dirname", "sed", "tail", "readlink")) {
            for (String d : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(d, tool)) && !Files.exists(tools.resolve(tool))) {
                    Files.createSymbolicLink(tools.resolve(tool), Path.of(d, tool));
                }
            }
        }
        List<String> cmd = new ArrayList<>(List.of(
                tools.resolve("bash").toString(),
                DocsMarkdown.SKILL.resolve("scripts/sora").toString(),
                "--version"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", tools.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(127);
        assertThat(output).contains("Java 17 or newer is required");
    }
}
