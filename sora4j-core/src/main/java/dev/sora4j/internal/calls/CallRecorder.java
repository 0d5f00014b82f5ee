package dev.sora4j.internal.calls;

import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.guard.ContentRefusedException;
import dev.sora4j.guard.GuardText;
import dev.sora4j.guard.Guardrails;
import dev.sora4j.ledger.Intent;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.LedgerStatus;
import dev.sora4j.ledger.Reconciliation;
import dev.sora4j.options.RequestGate;
import dev.sora4j.options.SendOptions;
import dev.sora4j.options.Sleeper;
import dev.sora4j.spi.VideoGateway;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one road every paid call takes: content guardrails, budget check, rate limit, the intent written to the ledger,
 * the request sent, the answer (or why there is none) recorded. Transient failures are retried as
 * {@link SendOptions} allow; when a batch call got no answer, the server is searched for the job
 * before anything is sent again, so a lost answer never pays twice.
 */
public final class CallRecorder {
    private final Ledger ledger;
    private final RateGate gate;
    private final Sleeper sleeper;
    private final VideoGateway gateway;
    private final Guardrails guardrails;
    private final RequestGate teamGate;
    private final String limitKey;

    /**
     * A recorder.
     *
     * @param ledger where intents and answers go
     * @param gate the shared rate limit, or null for none
     * @param sleeper waits between attempts
     * @param gateway used to look for jobs whose create got no answer
     * @param guardrails the content rules every text must pass before anything is recorded or sent
     */
    public CallRecorder(Ledger ledger, RateGate gate, Sleeper sleeper, VideoGateway gateway, Guardrails guardrails) {
        this(ledger, gate, sleeper, gateway, guardrails, null, null);
    }

    /**
     * A recorder whose paid calls also pass a rate limit shared with other processes.
     *
     * @param ledger where every call is recorded before it is sent
     * @param gate the shared rate limit, or null for none
     * @param sleeper waits between attempts
     * @param gateway used to look for jobs whose create got no answer
     * @param guardrails the content rules every text must pass before anything is recorded or sent
     * @param teamGate a limit shared with other processes, or null for none
     * @param limitKey which of the team gate's limits this client's calls count against
     */
    public CallRecorder(
            Ledger ledger,
            RateGate gate,
            Sleeper sleeper,
            VideoGateway gateway,
            Guardrails guardrails,
            RequestGate teamGate,
            String limitKey) {
        this.guardrails = guardrails;
        this.ledger = ledger;
        this.gate = gate;
        this.sleeper = sleeper;
        this.gateway = gateway;
        this.teamGate = teamGate;
        this.limitKey = limitKey;
    }

    /**
     * Sends {@code call} as {@code options} say.
     *
     * @param call the request, its ledger record and how to read its answer
     * @param options batch line, attempts, budget and retry listener
     * @param <T> the answer's type
     * @return the answer, or the adopted id
     * @throws ContentRefusedException when a guardrail matched the prompt or name; nothing was recorded or sent
     * @throws InvalidRequestException (field {@code max_cost}) when the budget would be exceeded; nothing was sent
     * @throws ApiException when the last attempt failed
     * @throws SoraInterruptedException when interrupted while waiting
     */
    public <T> Sent<T> send(PaidCall<T> call, SendOptions options) {
        Intent intent = call.intent().withBatch(options.batchKey(), options.batchLine());
        // Before the budget and the ledger: a refused text must leave no trace and reserve nothing.
        guardrails.require(texts(intent));
        double cost = intent.estimatedCost() == null ? 0 : intent.estimatedCost();
        if (options.budget() != null && !options.budget().tryReserve(cost)) {
            throw InvalidRequestException.of(
                    "max_cost",
                    String.format(
                            Locale.ROOT,
                            " %.2f would be exceeded: this %s is estimated at $%.2f and $%.2f is already spent"
                                    + " or reserved; raise the cap or ask for less (fewer seconds, a smaller size)",
                            options.budget().cap(),
                            intent.kind(),
                            cost,
                            options.budget().spent()));
        }
        for (int attempt = 1; ; attempt++) {
            acquire();
            long seq = ledger.intent(intent);
            try {
                T result = call.send().get();
                String id = call.idOf().apply(result);
                ledger.created(seq, id, call.statusOf().apply(result));
                return new Sent<>(result, id, attempt, false);
            } catch (ApiException e) {
                recordFailure(seq, e);
                if (e.status() == 429 && gate != null) {
                    gate.pause(RetryPolicy.waitAfter(attempt, e));
                }
                if (e.mayHaveSucceeded() && intent.batchKey() != null) {
                    // The create may have happened even though no answer came back: look before sending again.
                    Optional<String> found = searchBeforeResend(intent, options, e);
                    if (found.isPresent()) {
                        return new Sent<>(null, found.get(), attempt, true);
                    }
                } else if (e.mayHaveSucceeded() && "create".equals(intent.kind())) {
                    // A single create is not sent again, but its job may be on the server all the same (the
                    // search matches prompt, model, size and seconds, which only a create's intent has).
                    Optional<String> found = adoptSingle(seq);
                    if (found.isPresent()) {
                        return new Sent<>(null, found.get(), attempt, true);
                    }
                }
                if (e.isTransient() && attempt < options.maxAttempts()) {
                    Duration wait = RetryPolicy.waitAfter(attempt, e);
                    options.onRetry().retrying(attempt, options.maxAttempts(), wait, e);
                    sleep(wait);
                    continue;
                }
                throw e;
            }
        }
    }

    /** The texts of an intent that reach the server: a create's prompt, a character's name. */
    static List<GuardText> texts(Intent intent) {
        if (intent.prompt() == null || intent.prompt().isBlank()) {
            return List.of();
        }
        return List.of(GuardText.of("character".equals(intent.kind()) ? "name" : "prompt", intent.prompt()));
    }

    /**
     * Finds out what became of unanswered intents and records it: adopted jobs get their id,
     * intents with nothing on the server are marked refused (safe to send again).
     *
     * @param uncertain intents without an answer
     * @return the outcome per intent
     */
    public Reconciliation reconcile(List<LedgerEntry> uncertain) {
        Reconciliation rec = new Reconciler(gateway).reconcile(uncertain, ledger.knownIds());
        rec.adopted().forEach((seq, videoId) -> ledger.adopt(seq, videoId, LedgerStatus.ADOPTED.value()));
        for (Long seq : rec.resend()) {
            ledger.refused(seq, "no job found on the server for this unanswered create; sending it again");
        }
        return rec;
    }

    /**
     * No answer or a server error may still have created the job; a 4xx (or 429) created nothing, and
     * neither did a request that never got a connection.
     */
    private void recordFailure(long seq, ApiException e) {
        String what = (e.status() == 0 ? "no response" : "HTTP " + e.status()) + ": " + e.getMessage();
        if (e.status() == 0 && NeverSent.neverLeft(e)) {
            ledger.notSent(seq, "not sent: " + e.getMessage());
        } else if (e.mayHaveSucceeded()) {
            ledger.uncertain(seq, what);
        } else {
            ledger.refused(seq, what);
        }
    }

    /**
     * The search after a lost answer, itself retried while the server answers it with transient
     * failures: sending again without having looked could pay twice, so if the search never gets
     * through, the original failure stands (the intent stays unknown for the next run to reconcile).
     */
    private Optional<String> searchBeforeResend(Intent intent, SendOptions options, ApiException lost) {
        for (int attempt = 1; ; attempt++) {
            try {
                return adoptIfCreated(intent);
            } catch (ApiException searchFailed) {
                if (!searchFailed.isTransient() || attempt >= options.maxAttempts()) {
                    throw lost;
                }
                sleep(RetryPolicy.waitAfter(attempt, searchFailed));
            }
        }
    }

    /**
     * After a single call's lost answer: its job, when one search of the server's recent videos finds
     * exactly one match, adopted into the ledger. A failed search leaves the intent unknown.
     */
    private Optional<String> adoptSingle(long seq) {
        Optional<LedgerEntry> entry = ledger.find("@" + seq);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(reconcile(List.of(entry.get())).adopted().get(seq));
        } catch (ApiException searchFailed) {
            return Optional.empty();
        }
    }

    /** After a lost answer: the server's job for this line's unanswered intents, adopted into the ledger. */
    private Optional<String> adoptIfCreated(Intent intent) {
        List<LedgerEntry> open = ledger.batch(intent.batchKey()).stream()
                .filter(e -> e.batchLine() == intent.batchLine()
                        && e.requestHash().equals(intent.requestHash())
                        && !e.hasVideo()
                        && LedgerStatus.UNKNOWN.matches(e.status()))
                .toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String adopted = null;
        for (Map.Entry<Long, String> a : reconcile(open).adopted().entrySet()) {
            adopted = a.getValue();
        }
        return Optional.ofNullable(adopted);
    }

    private void acquire() {
        try {
            if (gate != null) {
                gate.acquire();
            }
            if (teamGate != null) {
                teamGate.acquire(limitKey);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraInterruptedException("Interrupted while waiting for the rate limit; nothing was sent.", e);
        }
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraInterruptedException("Interrupted before a retry; what was created is in the ledger.", e);
        }
    }
}
