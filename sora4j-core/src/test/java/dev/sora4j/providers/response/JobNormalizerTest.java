package dev.sora4j.providers.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.model.JobError;
import dev.sora4j.model.VideoJob;
import dev.sora4j.providers.Providers;
import org.junit.jupiter.api.Test;

/** Job bodies as providers.md's sections show them. */
class JobNormalizerTest {
    private final Providers providers = Providers.builtIn();

    private NormalizedJob parse(String provider, String body) {
        return providers.require(provider).parseJob(body).orElseThrow();
    }

    @Test
    void trtllm_duration_becomes_seconds_and_a_string_error_a_job_error() {
        NormalizedJob j = parse(
                "trtllm",
                "{\"completed_at\":null,\"created_at\":1796217669,\"error\":\"out of memory\",\"expires_at\":null,"
                        + "\"id\":\"video_e4d4a20c00164a5fa5b024332c15e935\",\"model\":\"Wan\",\"object\":\"video\","
                        + "\"progress\":null,\"prompt\":\"a\",\"status\":\"failed\",\"duration\":4.0,\"fps\":16.0,"
                        + "\"size\":\"832x480\",\"response_format\":null}");
        assertThat(j.seconds()).isEqualTo("4");
        assertThat(j.error()).isEqualTo(new JobError(null, "out of memory"));
        assertThat(j.progress()).isNull();
        assertThat(j.status().phase()).isEqualTo(Phase.FAILED);
        VideoJob v = j.toVideoJob();
        assertThat(v.progress()).isZero();
        assertThat(v.status().isTerminal()).isTrue();
        assertThat(v.json()).contains("\"duration\":4.0");
    }

    @Test
    void vllm_failed_retrieve_body_is_a_job() {
        NormalizedJob j = parse(
                "vllm-omni",
                "{\"model\":\"Wan\",\"prompt\":\"a\",\"id\":\"video_gen_2b7d37f131414cca9e3569181876e6ee\","
                        + "\"object\":\"video\",\"status\":\"failed\",\"size\":null,\"progress\":0,\"seconds\":\"8\","
                        + "\"error\":{\"code\":\"500\",\"message\":\"boom\"},\"created_at\":1796217649}");
        assertThat(j.error()).isEqualTo(new JobError("500", "boom"));
        assertThat(j.size()).isNull();
        assertThat(j.createdAt()).isEqualTo(1796217649L);
    }

    @Test
    void openrouter_poll_answer_with_signed_and_proxy_urls() {
        NormalizedJob j = parse(
                "openrouter",
                "{\"id\":\"job-abc123\",\"polling_url\":\"/api/v1/videos/job-abc123\",\"status\":\"completed\","
                        + "\"generation_id\":\"gen-1\",\"unsigned_urls\":[\"https://openrouter.ai/api/v1/videos/job-abc123/content?index=0\"],"
                        + "\"urls\":[\"https://storage/signed\"],\"usage\":{\"cost\":0.5,\"is_byok\":false}}");
        assertThat(j.signedUrls()).containsExactly("https://storage/signed");
        assertThat(j.proxyUrls()).hasSize(1);
        assertThat(j.pollingUrl()).isEqualTo("/api/v1/videos/job-abc123");
        assertThat(j.toVideoJob().progress()).isEqualTo(100);
        assertThat(j.toVideoJob().createdAt()).isZero();
        NormalizedJob submitted =
                parse("openrouter", "{\"id\":\"job-abc123\",\"polling_url\":\"/x\",\"status\":\"pending\"}");
        assertThat(submitted.status().status().value()).isEqualTo("queued");
    }

    @Test
    void new_api_completed_at_counts_only_once_terminal_and_milliseconds_become_seconds() {
        NormalizedJob running = parse(
                "new-api",
                "{\"id\":\"task_1\",\"task_id\":\"task_1\",\"object\":\"video\",\"status\":\"in_progress\","
                        + "\"progress\":40,\"created_at\":1796217649000,\"completed_at\":1796217650}");
        assertThat(running.completedAt()).isNull();
        assertThat(running.createdAt()).isEqualTo(1796217649L);
        NormalizedJob byTaskId = parse(
                "new-api",
                "{\"task_id\":\"task_2\",\"status\":\"completed\",\"completed_at\":1796217650,"
                        + "\"metadata\":{\"url\":\"https://cdn/v.mp4\"}}");
        assertThat(byTaskId.id()).isEqualTo("task_2");
        assertThat(byTaskId.completedAt()).isEqualTo(1796217650L);
        assertThat(byTaskId.signedUrls()).containsExactly("https://cdn/v.mp4");
    }

    @Test
    void sglang_delete_answer_and_litellm_veo_processing() {
        assertThat(parse(
                                "sglang",
                                "{\"id\":\"d9621d9b-a41d-447d-b295-a5d6cc177636\",\"status\":\"deleted\",\"error\":{\"message\":\"x\"}}")
                        .status()
                        .phase())
                .isEqualTo(Phase.DELETED);
        NormalizedJob veo = parse(
                "litellm", "{\"id\":\"video_QUJD\",\"object\":\"video\",\"status\":\"processing\",\"progress\":null}");
        assertThat(veo.status().status().value()).isEqualTo("in_progress");
        assertThat(veo.prompt()).isNull();
    }

    @Test
    void bodies_that_are_not_jobs_are_empty() {
        var p = providers.require("openai");
        assertThat(p.parseJob("{\"error\":{\"message\":\"x\",\"type\":\"y\"}}")).isEmpty();
        assertThat(p.parseJob("{\"object\":\"list\",\"data\":[]}")).isEmpty();
        assertThat(p.parseJob("not json")).isEmpty();
        assertThat(p.parseJob(null)).isEmpty();
    }
}
