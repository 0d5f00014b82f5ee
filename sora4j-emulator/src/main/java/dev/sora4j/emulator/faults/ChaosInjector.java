package dev.sora4j.emulator.faults;

import dev.sora4j.emulator.config.Chaos;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.ConnectionKiller;
import dev.sora4j.emulator.http.FaultFlags;
import dev.sora4j.emulator.http.Routes;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Applies {@link Chaos} and the per-request test header {@value #FAULT_HEADER} before a
 * route runs. The header takes comma-separated directives: an HTTP status ({@code 503}),
 * {@code reset} (close before answering), {@code reset-after-headers}, {@code truncate} (content
 * stops halfway), {@code latency=MS}, {@code fail-job} (the job created ends failed).
 */
public final class ChaosInjector {
    /**
     * Test header with comma-separated fault directives: a status ({@code 503}), {@code reset},
     * {@code reset-after-headers}, {@code truncate}, {@code latency=MS} or {@code fail-job}.
     */
    public static final String FAULT_HEADER = "x-sora4j-fault";

    private final Chaos chaos;
    private final Random random;

    public ChaosInjector(Chaos chaos) {
        this.chaos = chaos;
        this.random = new Random(chaos.seed());
    }

    public void before(Context ctx) throws InterruptedException {
        String method = ctx.method().name();
        String path = ctx.path();
        long latency =
                chaos.latency().toMillis() + (long) (draw() * chaos.jitter().toMillis());
        Integer status = null;
        boolean reset = draw() < chaos.resetBeforeHeaders();
        if (draw() < errorRate(method, path)) {
            status = chaos.errorStatuses()
                    .get((int) (draw() * chaos.errorStatuses().size()));
        }
        // Cuts mid-body are drawn for content downloads, where a body is worth cutting; the test
        // header can still cut any answer.
        boolean content = path.endsWith("/content");
        if (draw() < chaos.resetAfterHeaders() && content) {
            FaultFlags.set(ctx, FaultFlags.RESET_AFTER_HEADERS);
        }
        if (draw() < chaos.truncateContent() && content) {
            FaultFlags.set(ctx, FaultFlags.TRUNCATE);
        }
        if (draw() < chaos.jobFailure()) {
            FaultFlags.set(ctx, FaultFlags.FAIL_JOB);
        }
        String header = ctx.header(FAULT_HEADER);
        if (header != null) {
            for (String raw : header.split(",")) {
                String d = raw.strip().toLowerCase(Locale.ROOT);
                switch (d) {
                    case "reset" -> reset = true;
                    case "reset-after-headers" -> FaultFlags.set(ctx, FaultFlags.RESET_AFTER_HEADERS);
                    case "truncate" -> FaultFlags.set(ctx, FaultFlags.TRUNCATE);
                    case "fail-job" -> FaultFlags.set(ctx, FaultFlags.FAIL_JOB);
                    case "lose-answer" -> FaultFlags.loseAnswer(ctx, 502);
                    default -> {
                        if (d.startsWith("latency=")) {
                            latency += parse(d.substring(8), d);
                        } else {
                            status = (int) parse(d, d);
                            if (status < 400 || status > 599) {
                                throw ApiError.invalidRequest(
                                        null,
                                        "Header " + FAULT_HEADER + ": a status must be 400-599, got " + status + ".");
                            }
                        }
                    }
                }
            }
        }
        if (latency > 0) {
            Thread.sleep(latency);
        }
        if (reset) {
            ConnectionKiller.kill(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        if (status != null) {
            if (chaos.shouldRetry() != null) {
                ctx.header("x-should-retry", chaos.shouldRetry().toString());
            }
            throw FaultPlan.fault(ctx, status, 1);
        }
    }

    /**
     * After a route ran: a request marked to lose its answer (the {@code lose-answer} directive, or a
     * {@code lose-answer=1} fault rule) that succeeded gets an error instead, written by {@code write}
     * in the server's error envelope.
     */
    public void after(Context ctx, BiConsumer<Context, ApiError> write) {
        int status = FaultFlags.lostAnswerStatus(ctx);
        if (status > 0 && ctx.statusCode() < 400) {
            write.accept(
                    ctx,
                    new ApiError(
                            status,
                            status >= 500 ? "server_error" : "invalid_request_error",
                            null,
                            "injected_fault",
                            "Injected fault: HTTP " + status
                                    + " after the request was carried out (its answer was lost)."));
        }
    }

    /** The error probability for one request: its route's own rate, else the {@code "*"} rate. */
    private double errorRate(String method, String path) {
        for (Map.Entry<String, Double> e : chaos.errorRates().entrySet()) {
            if (!e.getKey().equals("*") && Routes.matches(e.getKey(), method, path)) {
                return e.getValue();
            }
        }
        return chaos.errorRates().getOrDefault("*", 0.0);
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    private static long parse(String value, String directive) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.invalidRequest(
                    null,
                    "Header " + FAULT_HEADER + ": unknown directive '" + directive
                            + "'. Use a status (503), reset, reset-after-headers, truncate, latency=MS or fail-job.");
        }
    }
}
