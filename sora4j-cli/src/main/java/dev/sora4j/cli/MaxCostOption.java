package dev.sora4j.cli;

import dev.sora4j.RequestPreview;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.options.Budget;
import dev.sora4j.options.SendOptions;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --max-cost}: a paid call whose estimate passes the cap is refused before anything is sent. */
final class MaxCostOption {
    @Option(
            names = "--max-cost",
            paramLabel = "USD",
            description = "Refuse the request, before sending, when its estimated cost passes this "
                    + "(--dry-run shows the estimate and the verdict; a model without a known price passes).")
    Double usd;

    /** One attempt, capped when {@code --max-cost} is given. */
    SendOptions sendOptions() {
        if (usd == null) {
            return SendOptions.once();
        }
        if (!(usd >= 0)) {
            throw InvalidRequestException.of("max_cost", " must be a positive amount of USD, got " + usd);
        }
        return SendOptions.capped(Budget.of(usd, 0));
    }

    /**
     * A dry run's refusal: the line the real run would print when the preview's estimate passes the cap.
     *
     * @return the refusal, or empty when there is no cap, no estimate, or the estimate fits
     */
    Optional<String> refusal(RequestPreview preview) {
        sendOptions();
        Double cost = preview.estimatedCostUsd();
        if (usd == null || cost == null || cost <= usd + 1e-9) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "--max-cost %.2f would be exceeded: this request is estimated at $%.2f; raise the cap or ask for less"
                        + " (fewer seconds, a smaller size).",
                usd,
                cost));
    }
}
