package dev.sora4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sora4j.model.VideoJob;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A gateway may send values nobody has seen yet; they must pass through, not crash the client. */
// Real renders under a loaded machine are slow; the bound keeps a hung server from hanging the build.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnknownWireValuesIT {
    @Test
    void unknown_status_model_size_and_seconds_are_kept_as_strings() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/videos/video_odd", exchange -> {
            byte[] body = ("{\"id\":\"video_odd\",\"object\":\"video\",\"model\":\"veo-9\",\"status\":\"rendering\","
                            + "\"progress\":42,\"created_at\":1,\"size\":\"999x333\",\"seconds\":\"7.5\",\"quality\":\"hd\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (SoraClient client = SoraClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .apiKey("k")
                .build()) {
            VideoJob job = client.retrieve("video_odd");
            assertThat(job.status().value()).isEqualTo("rendering");
            assertThat(job.status().isKnown()).isFalse();
            assertThat(job.status().isTerminal()).isFalse();
            assertThat(job.model()).isEqualTo("veo-9");
            assertThat(job.size()).isEqualTo("999x333");
            assertThat(job.seconds()).isEqualTo("7.5");
            assertThat(job.progress()).isEqualTo(42);
            assertThat(job.completedAt()).isNull();
            assertThat(job.json()).contains("\"quality\"");
        } finally {
            server.stop(0);
        }
    }
}
