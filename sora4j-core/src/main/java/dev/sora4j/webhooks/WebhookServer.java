package dev.sora4j.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sora4j.errors.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP face of a {@link WebhookReceiver}, on the JDK's built-in server: {@code POST /webhooks}
 * for deliveries and {@code GET /healthz} for liveness. Loopback unless a wider host is given.
 */
public final class WebhookServer implements AutoCloseable {
    /** Deliveries are small event objects; anything larger is refused unread. */
    static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final WebhookReceiver receiver;

    private WebhookServer(HttpServer server, ExecutorService executor, WebhookReceiver receiver) {
        this.server = server;
        this.executor = executor;
        this.receiver = receiver;
    }

    /**
     * Binds and starts serving.
     *
     * @param host e.g. {@code 127.0.0.1}
     * @param port 0 for any free port
     * @param receiver handles deliveries
     * @return the running server
     * @throws ConfigException when the address cannot be bound
     */
    public static WebhookServer start(String host, int port, WebhookReceiver receiver) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 50);
        } catch (IOException e) {
            throw new ConfigException(
                    "port",
                    "Cannot listen on " + host + ":" + port + ": " + e.getMessage()
                            + ". Choose another --port or --host.");
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sora4j-webhook-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        WebhookServer s = new WebhookServer(server, executor, receiver);
        server.createContext("/webhooks", s::deliver);
        server.createContext("/healthz", s::health);
        server.start();
        return s;
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The delivery URL.
     *
     * @return {@code http://host:port/webhooks}
     */
    public URI url() {
        String host = server.getAddress().getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/webhooks");
    }

    private void deliver(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")
                    || !ex.getRequestURI().getPath().equals("/webhooks")) {
                reply(ex, ex.getRequestMethod().equals("POST") ? 404 : 405, "{\"error\":\"POST /webhooks only\"}");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                reply(ex, 413, "{\"error\":\"body too large\"}");
                return;
            }
            WebhookReceiver.Answer a = receiver.receive(ex.getRequestHeaders(), body);
            reply(ex, a.status(), "{\"status\":" + a.status() + ",\"message\":\"" + escape(a.message()) + "\"}");
        }
    }

    private void health(HttpExchange ex) throws IOException {
        try (ex) {
            reply(ex, 200, "{\"status\":\"ok\",\"pending\":" + receiver.pending() + "}");
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("content-type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Stops accepting connections (waiting up to a second for exchanges in flight). */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
