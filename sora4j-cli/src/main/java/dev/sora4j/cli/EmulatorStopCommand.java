package dev.sora4j.cli;

import dev.sora4j.cli.daemon.DaemonInfo;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sora emulator stop}: stops the background emulator of --offline now. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Stop the background emulator that --offline commands share (renders still running are redone",
            "by the next one). Exit 0, also when none runs; the next --offline command starts it again.",
        })
final class EmulatorStopCommand implements Callable<Integer> {
    @ParentCommand
    EmulatorCommand parent;

    @Override
    public Integer call() {
        CliContext context = parent.context();
        Optional<DaemonInfo> stopped = context.offlineDaemon().stop();
        context.err()
                .println(stopped.map(i -> "Stopped the background emulator (pid " + i.pid() + ").")
                        .orElse("No background emulator runs for " + context.offlineStateDir() + "."));
        context.err().flush();
        return ExitCodes.OK;
    }
}
