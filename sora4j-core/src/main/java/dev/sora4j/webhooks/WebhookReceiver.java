package dev.sora4j.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.batchapi.BatchApiStore;
import dev.sora4j.spi.WebhookRejectedException;
import dev.sora4j.spi.WebhookVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Receives webhook deliveries: verifies the signature and freshness, refuses a {@code webhook-id}
 * already recorded, records the delivery durably, and only then accepts it; one worker then
 * processes accepted deliveries in order. Deliveries still pending when the receiver stops (or the
 * process dies) are processed at the next {@link #start()}.
 */
public final class WebhookReceiver implements AutoCloseable {
    static final String PENDING = "pending";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STOP = "";

    private final WebhookVerifier verifier;
    private final BatchApiStore store;
    private final EventHandler handler;
    private final Consumer<Map<String, Object>> events;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Map<String, BatchApiStore.Delivery> byId = new java.util.concurrent.ConcurrentHashMap<>();
    private Thread worker;
    private volatile boolean accepting = true;

    /**
     * @param verifier checks signatures and timestamps
     * @param store where deliveries are recorded
     * @param handler acts on each delivery
     * @param events hears one JSON-ready map per received, rejected and processed delivery
     */
    public WebhookReceiver(
            WebhookVerifier verifier, BatchApiStore store, EventHandler handler, Consumer<Map<String, Object>> events) {
        this.verifier = verifier;
        this.store = store;
        this.handler = handler;
        this.events = events;
    }

    /**
     * The answer to a delivery.
     *
     * @param status the HTTP status
     * @param message why, for the sender's logs (never the secret)
     */
    public record Answer(int status, String message) {}

    /** Queues the deliveries an earlier run accepted but did not finish, then starts the worker. */
    public synchronized void start() {
        for (BatchApiStore.Delivery d : store.deliveries(PENDING)) {
            byId.put(d.webhookId(), d);
            queue.add(d.webhookId());
        }
        worker = new Thread(this::work, "sora4j-webhook-worker");
        worker.start();
    }

    /**
     * Handles one delivery.
     *
     * @param headers the request headers
     * @param body the raw body
     * @return 202 once recorded; 401 forged or stale, 400 malformed, 409 replayed, 503 shutting down
     */
    public Answer receive(Map<String, List<String>> headers, byte[] body) {
        if (!accepting) {
            return new Answer(503, "shutting down; deliver again later");
        }
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        String webhookId = first(lower, "webhook-id");
        try {
            verifier.verify(lower, body);
            JsonNode event = parse(body);
            String type = event.path("type").asText("");
            BatchApiStore.Delivery d = new BatchApiStore.Delivery(
                    webhookId,
                    event.path("id").asText(null),
                    type,
                    event.path("data").path("id").asText(null),
                    new String(body, StandardCharsets.UTF_8),
                    PENDING,
                    null);
            if (!store.received(d)) {
                throw new WebhookRejectedException(
                        WebhookRejectedException.Reason.REPLAYED, "webhook-id " + webhookId + " was already received");
            }
            emit(d, "received", null);
            byId.put(webhookId, d);
            queue.add(webhookId);
            return new Answer(202, "recorded");
        } catch (WebhookRejectedException e) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("webhook_id", webhookId);
            line.put("state", "rejected");
            line.put("reason", e.reason().name().toLowerCase(Locale.ROOT));
            line.put("detail", e.getMessage());
            events.accept(line);
            return new Answer(e.reason().httpStatus(), e.getMessage());
        }
    }

    /**
     * Deliveries accepted but not yet processed.
     *
     * @return how many
     */
    public int pending() {
        return queue.size();
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject() || !n.hasNonNull("type")) {
                throw new WebhookRejectedException(
                        WebhookRejectedException.Reason.MALFORMED, "the body is not an event object with a type");
            }
            return n;
        } catch (IOException e) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED, "the body is not JSON");
        }
    }

    private void work() {
        while (true) {
            String id;
            try {
                id = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (id.equals(STOP)) {
                return;
            }
            BatchApiStore.Delivery d = byId.remove(id);
            if (d == null) {
                continue;
            }
            try {
                String detail = handler.handle(d);
                store.processed(id, "done", detail);
                emit(d, "done", detail);
            } catch (RuntimeException e) {
                store.processed(id, "failed", e.getMessage());
                emit(d, "failed", e.getMessage());
            }
        }
    }

    private void emit(BatchApiStore.Delivery d, String state, String detail) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("webhook_id", d.webhookId());
        line.put("event_id", d.eventId());
        line.put("type", d.type());
        line.put("id", d.dataId());
        line.put("state", state);
        if (detail != null) {
            line.put("detail", detail);
        }
        events.accept(line);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * Stops accepting, lets the delivery in progress finish (up to {@code graceMillis}), and leaves
     * the rest pending for the next start.
     *
     * @param graceMillis how long to wait for the delivery in progress
     */
    public synchronized void stop(long graceMillis) {
        accepting = false;
        if (worker == null) {
            return;
        }
        queue.clear();
        queue.add(STOP);
        try {
            worker.join(graceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
        }
        worker = null;
    }

    /**
     * Waits until every accepted delivery has been processed (for tests and orderly shutdowns).
     *
     * @param timeoutMillis how long at most
     * @return true when none is left
     * @throws InterruptedException when interrupted
     */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!store.deliveries(PENDING).isEmpty()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        stop(60_000);
        verifier.close();
    }
}
