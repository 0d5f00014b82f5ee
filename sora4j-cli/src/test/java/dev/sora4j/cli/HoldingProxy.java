package dev.sora4j.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A loopback HTTP proxy in front of the emulator that can hold back one answer. The held request
 * reaches the emulator, which does the work (stores the file, creates the batch, serves the video);
 * the proxy then keeps the answer to itself, or sends only the first half of a download, or all of
 * it but its end, until {@link #release()}. A client killed while it waits is killed at exactly the
 * dangerous point: the server acted and the client never heard. Every exchange is logged with the
 * range it asked for and the body bytes relayed, so a test can tell a resumed download from one
 * fetched twice.
 */
final class HoldingProxy implements AutoCloseable {
    /**
     * One request as relayed.
     *
     * @param method the HTTP method
     * @param path the path, without the query
     * @param range the {@code Range} header asked for, or null
     * @param status the upstream status
     * @param relayed body bytes passed on to the client
     */
    record Exchange(String method, String path, String range, int status, long relayed) {}

    /** Where a held answer stops. */
    private enum Cut {
        /** Before anything of the answer is sent. */
        ANSWER,
        /** After the headers and the first half of the body. */
        HALF_BODY,
        /** After the whole body, sent chunked, before the chunk that ends it: every byte arrived, the end did not. */
        BEFORE_END
    }

    /** Which request to hold (the {@code left}-th that matches from now on) and where its answer stops. */
    private record Hold(String method, Pattern path, String bodyMarker, Cut cut, AtomicInteger left) {
        boolean matches(String requestMethod, String requestPath, byte[] body) {
            return method.equals(requestMethod)
                    && path.matcher(requestPath).matches()
                    && (bodyMarker == null || new String(body, StandardCharsets.ISO_8859_1).contains(bodyMarker))
                    && left.decrementAndGet() == 0;
        }
    }

    // Managed by the JDK's client and refused by it when set by hand.
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient upstreamClient =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final String apiPath;
    private final AtomicReference<Hold> armed = new AtomicReference<>();
    private final List<Exchange> log = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch released = new CountDownLatch(0);
    private volatile long heldAfter = -1;

    private HoldingProxy(URI upstreamBase) throws IOException {
        this.upstream = URI.create(upstreamBase.getScheme() + "://" + upstreamBase.getAuthority());
        this.apiPath = upstreamBase.getPath();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::relay);
        server.start();
    }

    /** A proxy on a free loopback port in front of {@code upstreamBaseUrl} (e.g. the emulator's {@code .../v1}). */
    static HoldingProxy start(String upstreamBaseUrl) throws IOException {
        return new HoldingProxy(URI.create(upstreamBaseUrl));
    }

    /** The base URL clients use instead of the emulator's. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + apiPath;
    }

    /** Holds the whole answer to the next {@code method} request whose path matches and whose body contains the marker. */
    void holdAnswer(String method, String pathRegex, String bodyMarker) {
        arm(new Hold(method, Pattern.compile(pathRegex), bodyMarker, Cut.ANSWER, new AtomicInteger(1)));
    }

    /** Sends the headers and first half of the {@code nth} matching download from now on, then holds the rest. */
    void holdAfterHalf(String method, String pathRegex, int nth) {
        arm(new Hold(method, Pattern.compile(pathRegex), null, Cut.HALF_BODY, new AtomicInteger(nth)));
    }

    /**
     * Sends all of the {@code nth} matching download from now on, but chunked and without its final
     * chunk: the client has every byte and waits for an end that never comes, as a process killed
     * between its last read and the rename into place would.
     */
    void holdBeforeEnd(String method, String pathRegex, int nth) {
        arm(new Hold(method, Pattern.compile(pathRegex), null, Cut.BEFORE_END, new AtomicInteger(nth)));
    }

    private void arm(Hold hold) {
        released = new CountDownLatch(1);
        heldAfter = -1;
        armed.set(hold);
    }

    /** While an answer is held: how many of its body bytes were relayed first (0 for a whole held answer). */
    OptionalLong holding() {
        long n = heldAfter;
        return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** Lets a held answer go (its client is normally dead by then) and disarms the hold. */
    void release() {
        armed.set(null);
        heldAfter = -1;
        released.countDown();
    }

    /** Every exchange so far, in the order they ended (a held one when it was held). */
    List<Exchange> exchanges() {
        return List.copyOf(log);
    }

    private void relay(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            byte[] body = ex.getRequestBody().readAllBytes();
            Hold hold = armed.get();
            boolean held = hold != null && hold.matches(method, path, body) && armed.compareAndSet(hold, null);
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            upstream.resolve(path + (query == null ? "" : "?" + query)))
                    .method(
                            method,
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            String range = ex.getRequestHeaders().getFirst("Range");
            HttpResponse<InputStream> answer;
            try {
                answer = upstreamClient.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                ex.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(503, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            long length = answer.headers().firstValueAsLong("content-length").orElse(-1);
            try (InputStream in = answer.body()) {
                if (held && hold.cut() == Cut.ANSWER) {
                    // The emulator has answered in full (its work is done); the client never hears it.
                    in.readAllBytes();
                    log.add(new Exchange(method, path, range, answer.statusCode(), 0));
                    holdUntilReleased(0);
                    return;
                }
                boolean chunked = length < 0 || (held && hold.cut() == Cut.BEFORE_END);
                ex.sendResponseHeaders(answer.statusCode(), chunked ? 0 : length == 0 ? -1 : length);
                OutputStream out = ex.getResponseBody();
                long limit = held && hold.cut() == Cut.HALF_BODY ? length / 2 : Long.MAX_VALUE;
                long relayed = copy(in, out, limit);
                out.flush();
                log.add(new Exchange(method, path, range, answer.statusCode(), relayed));
                if (held) {
                    holdUntilReleased(relayed);
                }
            }
        } catch (IOException e) {
            // The client went away (killed while it waited, as intended); nothing to answer.
        }
    }

    private void holdUntilReleased(long relayed) {
        heldAfter = relayed;
        try {
            // Bounded so a forgotten release cannot hang the suite; tests release right after the kill.
            released.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        while (total < limit) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, limit - total));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
