package dev.sora4j.cli;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.EmulatorConfig;
import dev.sora4j.emulator.EmulatorProfile;
import dev.sora4j.emulator.FaultRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "emulator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = {
        "Serve the local Videos API emulator until interrupted (Ctrl-C).",
        "",
        "It binds 127.0.0.1, accepts any non-blank API key, renders real MP4/WebP/JPEG files and",
        "keeps jobs under --state-dir. The first line on stdout is the base URL to use.",
        "",
        "--profile (guide by default) sets the limits it enforces, so a strict server can be simulated;",
        "--fault makes every Nth request to a route fail, e.g. to exercise retries.",
        "",
        "Examples:",
        "  sora emulator --port 8089",
        "  sora emulator --profile spec --fault \"POST /v1/videos every=3 status=429 retry-after=1\"",
        "  OPENAI_BASE_URL=http://127.0.0.1:8089/v1 OPENAI_API_KEY=x sora create --prompt \"...\""})
final class EmulatorCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port on 127.0.0.1 (0 = any free port; default 0).")
    int port;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where jobs and media persist (default ~/.sora4j/emulator).")
    Path stateDir;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", description = "Timeline speed factor; 2 finishes jobs twice as fast (default 1).")
    double speed;

    @Option(names = "--fault", paramLabel = "RULE",
            description = "\"METHOD PATH every=N status=CODE [retry-after=S]\": every Nth matching request gets CODE (repeatable).")
    List<String> faults = new ArrayList<>();

    @Override
    int execute() throws InterruptedException {
        List<FaultRule> rules = new ArrayList<>();
        for (String f : faults) {
            try {
                rules.add(FaultRule.parse(f));
            } catch (IllegalArgumentException e) {
                throw new dev.sora4j.InvalidRequestException(null, "--fault: " + e.getMessage());
            }
        }
        EmulatorProfile profile = EmulatorProfile.parse(context().profile(global()).id());
        if (port < 0 || port > 65535) {
            throw new dev.sora4j.InvalidRequestException(null, "--port must be between 0 and 65535, got " + port);
        }
        if (!(speed > 0)) {
            throw new dev.sora4j.InvalidRequestException(null, "--speed must be > 0, got " + speed);
        }
        Path state = stateDir != null ? stateDir : context().offlineStateDir();
        Emulator emulator = Emulator.start(EmulatorConfig.defaults(state).withSpeed(speed)
                .withProfile(profile).withFaults(rules), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "sora4j-emulator-stop"));
        out().println(emulator.baseUrl());
        out().flush();
        info("sora4j emulator serving " + emulator.baseUrl() + " (profile " + profile.name().toLowerCase(java.util.Locale.ROOT)
                + ", state in " + state + "); Ctrl-C to stop.");
        stopped.await();
        return ExitCodes.OK;
    }
}
