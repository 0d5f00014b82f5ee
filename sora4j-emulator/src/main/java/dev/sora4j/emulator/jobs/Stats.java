package dev.sora4j.emulator.jobs;

import dev.sora4j.emulator.http.Routes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this emulator process has seen: requests per route and created jobs per prompt hash, so a
 * test can check that a client created each job exactly once. Counts start at zero with each
 * process and on {@code reset}.
 */
public final class Stats {
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> jobsByPrompt = new ConcurrentHashMap<>();
    private final AtomicLong jobs = new AtomicLong();
    /** {@link System#nanoTime()} of the last API request (or of start): what an idle timeout measures. */
    private volatile long lastRequestNanos = System.nanoTime();

    private final Map<String, AtomicLong> responses = new ConcurrentHashMap<>();

    public void request(String method, String path) {
        lastRequestNanos = System.nanoTime();
        requests.computeIfAbsent(Routes.of(method, path), k -> new AtomicLong()).incrementAndGet();
    }

    /** Real time since the last API request, or since this process started when none came yet. */
    public Duration sinceLastRequest() {
        return Duration.ofNanos(System.nanoTime() - lastRequestNanos);
    }

    /** Counts one answer by its HTTP status, so a test can check that no create was refused with 429. */
    public void response(int status) {
        responses
                .computeIfAbsent(Integer.toString(status), k -> new AtomicLong())
                .incrementAndGet();
    }

    public void jobCreated(String prompt) {
        jobs.incrementAndGet();
        jobsByPrompt.computeIfAbsent(promptHash(prompt), k -> new AtomicLong()).incrementAndGet();
    }

    public long jobsCreated() {
        return jobs.get();
    }

    public void reset() {
        requests.clear();
        responses.clear();
        jobsByPrompt.clear();
        jobs.set(0);
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("requests", copy(requests));
        out.put("jobs_created", jobs.get());
        out.put("jobs_by_prompt_sha256", copy(jobsByPrompt));
        out.put("responses_by_status", copy(responses));
        return out;
    }

    /** sha256 of the prompt as sent, hex; lets a test look up one prompt's count. */
    public static String promptHash(String prompt) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(prompt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> copy(Map<String, AtomicLong> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
