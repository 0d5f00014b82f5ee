package dev.sora4j.cli.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.LedgerStatus;
import dev.sora4j.model.JobStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ledger entries as the page shows them: one JSON object per job with its lineage (the video it was
 * edited, extended or remixed from, the characters it used) and the model, size and length it
 * inherited from its source when the ledger recorded none of its own.
 */
public final class JobViews {
    private static final Pattern REMIX_PATH = Pattern.compile("videos/([^/]+)/remix");
    private static final int BATCH_LABEL = 8;

    private final ObjectMapper json;

    /**
     * Views built with {@code json} reading the ledger's request parameters.
     *
     * @param json a mapper
     */
    public JobViews(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Where a job came from.
     *
     * @param sourceId the video it was edited, extended or remixed from, else null
     * @param uploadedSource the uploaded file it was edited from, else null
     * @param characters the character ids it used
     */
    public record Lineage(String sourceId, String uploadedSource, List<String> characters) {}

    /**
     * The lineage recorded in an entry's request parameters (the request as it was sent).
     *
     * @param e the entry
     * @return the lineage; empty parts when the parameters say nothing or cannot be read
     */
    public Lineage lineage(LedgerEntry e) {
        JsonNode params;
        try {
            params = e.params() == null ? null : json.readTree(e.params());
        } catch (IOException ex) {
            params = null; // A ledger written by another version: the page shows no lineage rather than fail.
        }
        if (params == null || !params.isObject()) {
            return new Lineage(null, null, List.of());
        }
        JsonNode body = params.path("body");
        String source = text(body.path("video").path("id"));
        if (source == null) {
            Matcher m = REMIX_PATH.matcher(params.path("path").asText(""));
            source = m.find() ? m.group(1) : null;
        }
        String upload = text(params.path("files").path("video"));
        List<String> characters = new ArrayList<>();
        for (JsonNode c : body.path("characters")) {
            String id = text(c.path("id"));
            if (id != null) {
                characters.add(id);
            }
        }
        return new Lineage(source, upload, List.copyOf(characters));
    }

    /**
     * The page's view of the ledger.
     *
     * @param entries newest first
     * @param downloaded which entries' recorded video files exist (by ledger number)
     * @param deleted ids this gallery deleted on the server (the ledger keeps their record)
     * @param checkErrors why the last status check of a job (by id) failed, if it did
     * @return {@code jobs}, {@code total_spend_usd} and the values the filters offer
     */
    public Map<String, Object> page(
            List<LedgerEntry> entries,
            Set<Long> downloaded,
            Set<String> deleted,
            Function<String, Optional<String>> checkErrors) {
        Map<String, LedgerEntry> byId = new HashMap<>();
        // Newest first: the oldest entry for an id (its creation) is the one kept.
        for (LedgerEntry e : entries) {
            if (e.videoId() != null) {
                byId.put(e.videoId(), e);
            }
        }
        Map<String, List<Long>> children = new HashMap<>();
        Map<Long, Lineage> lineages = new HashMap<>();
        for (LedgerEntry e : entries) {
            Lineage l = lineage(e);
            lineages.put(e.seq(), l);
            if (l.sourceId() != null) {
                children.computeIfAbsent(l.sourceId(), k -> new ArrayList<>()).add(e.seq());
            }
        }
        List<Map<String, Object>> jobs = new ArrayList<>();
        double spend = 0;
        Set<String> models = new TreeSet<>();
        Set<String> statuses = new TreeSet<>();
        Set<String> batches = new TreeSet<>();
        for (LedgerEntry e : entries) {
            Map<String, Object> v = view(e, lineages.get(e.seq()), byId, lineages, downloaded.contains(e.seq()));
            v.put("children", e.videoId() == null ? List.of() : children.getOrDefault(e.videoId(), List.of()));
            v.put("status_check_error", checkErrors.apply(e.videoId()).orElse(null));
            v.put("deleted", e.videoId() != null && deleted.contains(e.videoId()));
            jobs.add(v);
            spend += LedgerStatus.spend(e);
            if (v.get("model") != null) {
                models.add((String) v.get("model"));
            }
            statuses.add(e.status());
            if (e.batchKey() != null) {
                batches.add(batchLabel(e.batchKey()));
            }
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("jobs", jobs);
        page.put("count", jobs.size());
        page.put("total_spend_usd", Math.round(spend * 100) / 100.0);
        page.put("models", models);
        page.put("statuses", statuses);
        page.put("batches", batches);
        return page;
    }

    private Map<String, Object> view(
            LedgerEntry e,
            Lineage lineage,
            Map<String, LedgerEntry> byId,
            Map<Long, Lineage> lineages,
            boolean downloaded) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", e.seq());
        v.put("id", e.videoId());
        v.put("kind", e.kind());
        v.put("status", e.status());
        v.put("terminal", terminal(e.status()));
        v.put("progress", e.progress());
        v.put("error", e.error());
        v.put("prompt", e.prompt());
        // Edits and remixes record no model, size or length of their own: they are the source's.
        LedgerEntry origin = e;
        for (int hops = 0; hops < 16 && origin != null && (origin.model() == null || origin.size() == null); hops++) {
            Lineage l = lineages.get(origin.seq());
            origin = l == null || l.sourceId() == null ? null : byId.get(l.sourceId());
        }
        v.put("model", e.model() != null ? e.model() : origin == null ? null : origin.model());
        v.put("size", e.size() != null ? e.size() : origin == null ? null : origin.size());
        v.put(
                "seconds",
                e.seconds() != null
                        ? e.seconds()
                        : origin == null || e.kind().equals("extend") ? null : origin.seconds());
        v.put("inherited", e.model() == null && origin != null && origin != e);
        v.put("estimated_cost_usd", e.estimatedCost());
        v.put("spend_usd", LedgerStatus.spend(e));
        v.put("provider", e.provider());
        v.put("batch", e.batchKey() == null ? null : batchLabel(e.batchKey()));
        v.put("batch_line", e.batchLine() == 0 ? null : e.batchLine());
        v.put("created_at", Instant.ofEpochMilli(e.createdAt()).toString());
        v.put("updated_at", Instant.ofEpochMilli(e.updatedAt()).toString());
        v.put("source_id", lineage.sourceId());
        LedgerEntry source = lineage.sourceId() == null ? null : byId.get(lineage.sourceId());
        v.put("source_seq", source == null ? null : source.seq());
        v.put("uploaded_source", lineage.uploadedSource());
        v.put("characters", lineage.characters());
        v.put("downloaded", downloaded);
        v.put("download_bytes", downloaded ? e.downloadSize() : null);
        boolean completed = JobStatus.COMPLETED.value().equals(e.status());
        v.put("has_assets", completed && e.videoId() != null && !e.kind().equals("character"));
        return v;
    }

    /**
     * Whether an entry will not change any more by itself (the refresher leaves it alone).
     *
     * @param status the ledger's status
     * @return true for the service's terminal statuses and the ledger's own final ones
     */
    public static boolean terminal(String status) {
        if (status == null) {
            return true;
        }
        if (LedgerStatus.of(status).isPresent()) {
            // sending / unknown wait for `sora resume`, not for the service; an adopted job is on the server.
            return !LedgerStatus.ADOPTED.matches(status);
        }
        return JobStatus.of(status).isTerminal();
    }

    /**
     * A short, stable label for a create-batch run (its key is a long hash).
     *
     * @param batchKey the key
     * @return its first characters
     */
    public static String batchLabel(String batchKey) {
        return batchKey.length() <= BATCH_LABEL ? batchKey : batchKey.substring(0, BATCH_LABEL);
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
