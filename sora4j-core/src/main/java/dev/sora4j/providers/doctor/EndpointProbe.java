package dev.sora4j.providers.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends {@link ProbePlan}'s GET requests to an endpoint and records what came back, for
 * {@code sora doctor}. It uses {@code java.net.http} directly rather than the client's SDK road:
 * that road exists for paid calls (ledger first, budget, retries), and a probe is never one. It
 * only ever sends GET, follows no redirect (a redirect to another host must not carry the key),
 * reads at most {@link #MAX_BODY} bytes of each answer and waits at most its timeout per request.
 */
public final class EndpointProbe {
    /** Bytes of each answer kept for the guess; error envelopes and a one-item list page fit. */
    public static final int MAX_BODY = 16 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    /**
     * A prober that never follows redirects.
     *
     * @param timeout the longest wait for each probe's connection and answer
     */
    public EndpointProbe(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends every probe of {@code plan} to {@code baseUrl}.
     *
     * @param baseUrl the API root, e.g. {@code http://localhost:4000/v1} (no trailing slash needed)
     * @param plan the probes to send, in order
     *
     * @param credential the header to send (name and value; a secret never printed), or empty
     * @return one result per probe, in plan order; a probe that got no answer has status 0 and the reason
     */
    public List<ProbeResult> run(String baseUrl, List<Probe> plan, Optional<Map.Entry<String, String>> credential) {
        String root = baseUrl.strip();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        List<ProbeResult> results = new ArrayList<>();
        for (Probe probe : plan) {
            results.add(send(root, probe, credential));
        }
        return results;
    }

    private ProbeResult send(String root, Probe probe, Optional<Map.Entry<String, String>> credential) {
        URI uri;
        try {
            uri = URI.create(root + "/" + probe.path());
        } catch (IllegalArgumentException e) {
            return ProbeResult.failed(probe, "the base URL is not a valid URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        credential.ifPresent(h -> request.header(h.getKey(), h.getValue()));
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    headers.put(k, v.get(0));
                }
            });
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return new ProbeResult(
                    probe, new Observation(probe.path(), response.statusCode(), headers, body), millis, "");
        } catch (HttpConnectTimeoutException e) {
            return ProbeResult.failed(probe, "connection timed out after " + timeout.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return ProbeResult.failed(probe, "no answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return ProbeResult.failed(
                    probe, "connection refused (nothing listens at " + uri.getHost() + ":" + port(uri) + ")");
        } catch (IOException e) {
            return ProbeResult.failed(
                    probe, "no answer (" + (e.getMessage() == null ? "I/O error" : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.failed(probe, "interrupted");
        } catch (IllegalArgumentException e) {
            return ProbeResult.failed(probe, "the base URL is not an http(s) URL");
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
