package dev.sora4j.emulator;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Random;

/**
 * Applies {@link Chaos} and the per-request test header {@value Emulator#FAULT_HEADER} before a
 * route runs. The header takes comma-separated directives: an HTTP status ({@code 503}),
 * {@code reset} (close before answering), {@code reset-after-headers}, {@code truncate} (content
 * stops halfway), {@code latency=MS}, {@code fail-job} (the job created ends failed).
 */
final class ChaosInjector {
    static final String RESET_AFTER_HEADERS = "sora4j.resetAfterHeaders";
    static final String TRUNCATE = "sora4j.truncate";
    static final String FAIL_JOB = "sora4j.failJob";

    private final Chaos chaos;
    private final Random random;

    ChaosInjector(Chaos chaos) {
        this.chaos = chaos;
        this.random = new Random(chaos.seed());
    }

    void before(Context ctx) throws InterruptedException {
        String method = ctx.method().name();
        String path = ctx.path();
        long latency =
                chaos.latency().toMillis() + (long) (draw() * chaos.jitter().toMillis());
        Integer status = null;
        boolean reset = draw() < chaos.resetBeforeHeaders();
        if (draw() < chaos.errorRate(method, path)) {
            status = chaos.errorStatuses()
                    .get((int) (draw() * chaos.errorStatuses().size()));
        }
        // Cuts mid-body are drawn for content downloads, where a body is worth cutting; the test
        // header can still cut any answer.
        boolean content = path.endsWith("/content");
        if (draw() < chaos.resetAfterHeaders() && content) {
            ctx.attribute(RESET_AFTER_HEADERS, true);
        }
        if (draw() < chaos.truncateContent() && content) {
            ctx.attribute(TRUNCATE, true);
        }
        if (draw() < chaos.jobFailure()) {
            ctx.attribute(FAIL_JOB, true);
        }
        String header = ctx.header(Emulator.FAULT_HEADER);
        if (header != null) {
            for (String raw : header.split(",")) {
                String d = raw.strip().toLowerCase(Locale.ROOT);
                switch (d) {
                    case "reset" -> reset = true;
                    case "reset-after-headers" -> ctx.attribute(RESET_AFTER_HEADERS, true);
                    case "truncate" -> ctx.attribute(TRUNCATE, true);
                    case "fail-job" -> ctx.attribute(FAIL_JOB, true);
                    default -> {
                        if (d.startsWith("latency=")) {
                            latency += parse(d.substring(8), d);
                        } else {
                            status = (int) parse(d, d);
                            if (status < 400 || status > 599) {
                                throw ApiError.invalidRequest(
                                        null,
                                        "Header " + Emulator.FAULT_HEADER + ": a status must be 400-599, got " + status
                                                + ".");
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

    static boolean flag(Context ctx, String attribute) {
        return Boolean.TRUE.equals(ctx.attribute(attribute));
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
                    "Header " + Emulator.FAULT_HEADER + ": unknown directive '" + directive
                            + "'. Use a status (503), reset, reset-after-headers, truncate, latency=MS or fail-job.");
        }
    }
}
