package dev.sora4j.emulator.faults;

import dev.sora4j.emulator.config.FaultRule;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.FaultFlags;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Applies the configured {@link FaultRule}s, counting matching requests per rule. */
public final class FaultPlan {
    private final List<FaultRule> rules;
    private final AtomicLong[] counters;

    public FaultPlan(List<FaultRule> rules) {
        this.rules = rules;
        this.counters = new AtomicLong[rules.size()];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new AtomicLong();
        }
    }

    public void apply(Context ctx) {
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (rule.matches(ctx.method().name(), ctx.path()) && counters[i].incrementAndGet() % rule.every() == 0) {
                if (rule.loseAnswer()) {
                    FaultFlags.loseAnswer(ctx, rule.status());
                    continue;
                }
                throw fault(ctx, rule.status(), rule.retryAfterSeconds());
            }
        }
    }

    /** The error the real service would send for {@code status}; 429 carries its wait hints. */
    public static ApiError fault(Context ctx, int status, int retryAfterSeconds) {
        if (status == 429) {
            ctx.header("retry-after", Integer.toString(retryAfterSeconds));
            ctx.header("retry-after-ms", Long.toString(retryAfterSeconds * 1000L));
            return new ApiError(
                    429,
                    "requests",
                    null,
                    "rate_limit_exceeded",
                    "Rate limit reached for requests. Please try again in " + retryAfterSeconds + "s.");
        }
        String type = status >= 500 ? "server_error" : status == 403 ? "permission_error" : "invalid_request_error";
        return new ApiError(status, type, null, "injected_fault", "Injected fault: HTTP " + status + ".");
    }
}
