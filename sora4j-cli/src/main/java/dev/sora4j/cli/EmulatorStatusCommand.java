package dev.sora4j.cli;

import dev.sora4j.cli.daemon.DaemonInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sora emulator status}: whether the background emulator of --offline runs, and where. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Show the background emulator that --offline commands share: running, pid, base_url, render,",
            "idle_timeout_seconds and state_dir, as JSON. Exit 0 whether or not it runs.",
        })
final class EmulatorStatusCommand implements Callable<Integer> {
    @ParentCommand
    EmulatorCommand parent;

    @Override
    public Integer call() {
        CliContext context = parent.context();
        Optional<DaemonInfo> running = context.offlineDaemon().running();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("running", running.isPresent());
        running.ifPresent(info -> {
            status.put("pid", info.pid());
            status.put("base_url", info.baseUrl());
            status.put("render", info.render());
            status.put("idle_timeout_seconds", info.idleTimeout().toSeconds());
        });
        status.put("state_dir", context.offlineStateDir().toString());
        context.out().println(Json.pretty(status));
        context.out().flush();
        return ExitCodes.OK;
    }
}
