package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchOptions;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.ledger.PostgresLedger;
import dev.sora4j.preflight.OutputTargets;
import dev.sora4j.queue.DatabaseRateGate;
import dev.sora4j.queue.QueueWorker;
import dev.sora4j.queue.WorkQueue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sora worker}: claims a queue's lines and runs them through create-batch's pipeline. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Work on a queue of the PostgreSQL ledger, on any number of machines at once: claim lines under",
            "expiring leases, create, track and download each job as create-batch does, record the result.",
            "A worker that dies loses its leases; another takes its lines over and reconciles with the server",
            "before sending anything again. The queue's --max-cost and the --rpm per provider and key hold",
            "across all workers. SIGTERM or Ctrl-C releases the lines in progress (exit 143 / 130).",
            "",
            "Examples:",
            "  sora worker --queue teaser --concurrency 4 --out-dir renders/",
            "  sora worker --queue teaser --out-dir renders/ --until-empty",
        })
final class WorkerCommand extends BaseCommand {
    @Mixin
    QueueOption queueOption;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "3",
            description = "Lines this worker holds and runs at once, 1 to 10 (default 3).")
    int concurrency;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Where result files and videos go.")
    Path outDir;

    @Option(
            names = "--until-empty",
            description = "Exit once the queue has no line left to claim or track (for CI and scripts).")
    boolean untilEmpty;

    @Option(
            names = "--rpm",
            paramLabel = "N",
            defaultValue = "50",
            description =
                    "Requests per minute per provider and key for the whole team; give every worker the same (default 50).")
    double rpm;

    @Option(
            names = "--lease",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "How long a claim holds without renewal; a dead worker's lines wait this long (default 60).")
    double lease;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            defaultValue = "3",
            description = "Tries per create for transient failures, 1 to 10 (default 3).")
    int maxAttempts;

    @Option(
            names = "--poll-interval",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Shortest wait between tracking rounds, and between looks at an empty queue (default 5).")
    double pollInterval;

    @Override
    int execute() {
        if (!(lease >= 1)) {
            throw new InvalidRequestException("lease", "--lease must be at least 1 second, got " + lease);
        }
        Duration poll = Duration.ofMillis(Math.round(pollInterval * 1000));
        BatchOptions options = new BatchOptions(
                concurrency, maxAttempts, false, false, true, TargetOptions.parse("video"), null, rpm, poll);
        OutputTargets.checkDirectory("--out-dir", outDir);
        PostgresLedger ledger = TeamLedger.require(context(), global(), "sora worker");
        String workerId = workerId();
        try (WorkQueue q = WorkQueue.open(ledger);
                DatabaseRateGate gate =
                        new DatabaseRateGate(ledger, rpm, context().sleeper())) {
            // Refuses an unknown queue before anything starts; the progress counts every line of the queue.
            int total = q.status(queueOption.name).counts().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            context().teamGate(gate);
            SoraClient client = context().client(global(), 0, rpm);
            BatchProgress progress = new BatchProgress(err(), false, total);
            QueueWorker worker = new QueueWorker(
                    q,
                    client,
                    progress,
                    options,
                    outDir,
                    workerId,
                    Duration.ofMillis(Math.round(lease * 1000)),
                    poll,
                    context().sleeper(),
                    this::warn);
            info("Worker " + workerId + " on queue '" + queueOption.name + "', " + concurrency
                    + " at a time; videos go to " + outDir
                    + (untilEmpty ? "; exits when the queue is empty" : "; Ctrl-C to stop"));
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            Thread main = Thread.currentThread();
            Thread hook = new Thread(
                    () -> {
                        stop.set(true);
                        main.interrupt();
                        try {
                            finished.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException ignored) {
                            // Going down anyway: unreleased leases expire and are taken over.
                        }
                    },
                    "sora4j-worker-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                QueueWorker.Summary s = worker.run(queueOption.name, untilEmpty, stop);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("worker", workerId);
                out.put("queue", queueOption.name);
                out.put("done", s.done());
                out.put("failed", s.failed());
                out.put("released", s.released());
                printValue(out);
                if (stop.get()) {
                    return ExitCodes.INTERRUPTED;
                }
                return s.failed() > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
            } catch (SoraInterruptedException e) {
                info("Stopped: released the lines in progress; another worker reconciles and finishes them.");
                return ExitCodes.INTERRUPTED;
            } finally {
                progress.close();
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException | IllegalArgumentException ignored) {
                    // Already shutting down.
                }
            }
        }
    }

    private static String workerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }
}
