package dev.sora4j.guard;

import dev.sora4j.errors.InvalidRequestException;

/**
 * A text that the guardrails refuse, found before anything is sent (exit code 2 in the CLI). The
 * message is the verdict's one-line refusal; {@link #field()} is the field of the first hit.
 */
public class ContentRefusedException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    private final transient Verdict verdict;

    /**
     * A refusal carrying the verdict; the message is its refusal lines.
     *
     * @param verdict the verdict with at least one hit
     */
    public ContentRefusedException(Verdict verdict) {
        super(verdict.hits().isEmpty() ? null : verdict.hits().get(0).field(), verdict.refusalLine());
        this.verdict = verdict;
    }

    /**
     * Every hit, for callers that show them one per line or as JSON.
     *
     * @return the verdict that caused the refusal
     */
    public Verdict verdict() {
        return verdict;
    }
}
