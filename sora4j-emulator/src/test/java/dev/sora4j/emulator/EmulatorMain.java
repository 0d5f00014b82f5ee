package dev.sora4j.emulator;

import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Serves an emulator in its own process, for tests that kill it or measure its memory:
 * {@code EmulatorMain STATE_DIR [ffmpeg|fast]}; prints the base URL as its first line, then runs
 * until killed.
 */
public final class EmulatorMain {
    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        RenderMode mode = args.length > 1 && args[1].equals("fast") ? RenderMode.FAST : RenderMode.FFMPEG;
        Emulator emulator =
                Emulator.start(EmulatorConfig.defaults(Path.of(args[0])).withRenderMode(mode), 0);
        System.out.println(emulator.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** A command line that runs this class with the current class path. */
    static ProcessBuilder command(Path stateDir, String mode, String... jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(EmulatorMain.class.getName());
        cmd.add(stateDir.toString());
        cmd.add(mode);
        return new ProcessBuilder(cmd);
    }
}
