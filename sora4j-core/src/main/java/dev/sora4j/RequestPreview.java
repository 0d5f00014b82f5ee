package dev.sora4j;

import dev.sora4j.guard.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A paid request exactly as it would be sent, for a dry run: it is built by the same code that
 * sends, so a preview cannot differ from the request.
 *
 * @param fields the reference CLI's preview shape: {@code method}, {@code endpoint},
 *     {@code content_type}, then the body's fields (an uploaded file shows as its path)
 * @param estimatedCostUsd the estimate, or null when no price is known or the request is not billed
 * @param verdict the content guardrails' verdict on the request's texts
 */
public record RequestPreview(Map<String, Object> fields, Double estimatedCostUsd, Verdict verdict) {
    /**
     * Copies the fields, keeping their order.
     *
     * @param estimatedCostUsd the estimated cost usd
     * @param fields the structured fields
     * @param verdict the guardrails' verdict; null means allowed
     */
    public RequestPreview {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        verdict = verdict == null ? Verdict.allowed() : verdict;
    }

    /**
     * A preview whose texts the guardrails allowed (a delete, a request without text).
     *
     * @param fields the structured fields
     * @param estimatedCostUsd the estimate, or null
     */
    public RequestPreview(Map<String, Object> fields, Double estimatedCostUsd) {
        this(fields, estimatedCostUsd, Verdict.allowed());
    }

    /**
     * The preview as one map, with {@code estimated_cost_usd} when known, then {@code guardrails}:
     * {@code "allowed"} or the refusal lines.
     *
     * @return a new mutable map in the preview's order
     */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        if (estimatedCostUsd != null) {
            out.put("estimated_cost_usd", estimatedCostUsd);
        }
        out.put("guardrails", verdict.isAllowed() ? "allowed" : verdict.refusalLines());
        return out;
    }
}
