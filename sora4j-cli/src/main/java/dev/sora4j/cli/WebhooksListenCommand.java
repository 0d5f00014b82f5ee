package dev.sora4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.SoraClient;
import dev.sora4j.batchapi.BatchApiStore;
import dev.sora4j.batchapi.SoraBatches;
import dev.sora4j.config.Settings;
import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.Variant;
import dev.sora4j.webhooks.SoraEventHandler;
import dev.sora4j.webhooks.StandardWebhooks;
import dev.sora4j.webhooks.WebhookReceiver;
import dev.sora4j.webhooks.WebhookServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "listen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Serve POST /webhooks (and GET /healthz). Each delivery's Standard Webhooks signature is checked",
            "with the official SDK's verifier; forged or stale (outside --tolerance) deliveries get 401, a",
            "webhook-id already received gets 409, and a delivery is answered 202 only once recorded.",
            "video.completed downloads into --out-dir, video.failed records the error, batch.completed",
            "collects the batch, batch.failed|expired|cancelled are recorded. One JSON line per event on stdout.",
            "The secret comes from SORA4J_WEBHOOK_SECRET or --secret-file, never from the command line.",
            "Ctrl-C / SIGTERM: stops accepting, finishes the event in progress; the rest resume at next start.",
        })
final class WebhooksListenCommand implements Callable<Integer> {
    /** Made when the first event is printed: building the command (e.g. for --help) must not load Jackson. */
    private static final class Lines {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    @ParentCommand
    WebhooksCommand parent;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8787", description = "Port (default 8787; 0 = any).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address to bind (default loopback; 0.0.0.0 to accept from other machines).")
    String host;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Where videos are downloaded.")
    Path outDir;

    @Option(
            names = "--variant",
            paramLabel = "VARIANT",
            description = "What to download per completed video: video (default), thumbnail, spritesheet; repeatable.")
    List<String> variants = new ArrayList<>();

    @Option(
            names = "--secret-file",
            paramLabel = "FILE",
            description = "File holding the signing secret (whsec_...); else SORA4J_WEBHOOK_SECRET.")
    Path secretFile;

    @Option(
            names = "--tolerance",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description = "How far a delivery's timestamp may be from now (default 300).")
    long tolerance;

    @Mixin
    PollingOptions polling;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = parent.root.context();
        GlobalOptions global = parent.root.global;
        if (port < 0 || port > 65535) {
            throw InvalidRequestException.of("port", " must be 0-65535, got " + port);
        }
        if (tolerance < 1) {
            throw InvalidRequestException.of("tolerance", " must be at least 1 second, got " + tolerance);
        }
        Set<Variant> wanted = new LinkedHashSet<>();
        for (String v : variants.isEmpty() ? List.of("video") : variants) {
            wanted.add(TargetOptions.parse(v));
        }
        String secret = secret(context.settings());
        SoraClient client = context.client(global);
        context.ledger(global);
        Path storeFile = context.ledgerDir(global).resolve("batches.db");
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        stopped.await(90, TimeUnit.SECONDS);
                    } catch (InterruptedException ignored) {
                        // The JVM is going down anyway; pending deliveries resume at the next start.
                    }
                },
                "sora4j-webhooks-shutdown");
        boolean interrupted = false;
        try (BatchApiStore store = BatchApiStore.open(storeFile, context.clock());
                WebhookReceiver receiver = new WebhookReceiver(
                        StandardWebhooks.verifier(secret, Duration.ofSeconds(tolerance)),
                        store,
                        new SoraEventHandler(
                                SoraBatches.of(client, store),
                                outDir,
                                wanted,
                                polling.toOptions(global.offline),
                                line -> info(context, line)),
                        line -> event(context, line))) {
            receiver.start();
            try (WebhookServer server = WebhookServer.start(host, port, receiver)) {
                info(
                        context,
                        "Listening on " + server.url() + " (health: GET /healthz); videos go to " + outDir
                                + ". Ctrl-C to stop.");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                info(context, "Stopping: no new deliveries; finishing the event in progress.");
            }
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // Already shutting down, or never registered.
            }
        }
        return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    private String secret(Settings settings) {
        if (secretFile != null) {
            try {
                String s = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
                if (s.isEmpty()) {
                    throw new ConfigException("secret_file", "The secret file " + secretFile + " is empty.");
                }
                return s;
            } catch (IOException e) {
                throw new ConfigException(
                        "secret_file", "Cannot read the secret file " + secretFile + ": " + e.getMessage());
            }
        }
        return settings.get(Settings.Key.WEBHOOK_SECRET)
                .orElseThrow(
                        () -> new ConfigException(
                                "webhook_secret",
                                "No webhook signing secret: export SORA4J_WEBHOOK_SECRET=whsec_... or pass --secret-file FILE."));
    }

    private static void info(CliContext context, String line) {
        synchronized (context) {
            context.err().println(line);
            context.err().flush();
        }
    }

    private static void event(CliContext context, Map<String, Object> line) {
        String text;
        try {
            text = Lines.JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            text = "{\"state\":\"unprintable\"}";
        }
        synchronized (context) {
            context.out().println(text);
            context.out().flush();
        }
    }
}
