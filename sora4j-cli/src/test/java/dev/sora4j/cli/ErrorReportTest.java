package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.SoraInterruptedException;
import org.junit.jupiter.api.Test;

class ErrorReportTest {
    @Test
    void an_unexpected_exception_is_an_internal_error_not_a_job_failure() {
        ErrorReport r = ErrorReport.of(new IllegalStateException("boom"), false);
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL).isEqualTo(70);
        assertThat(r.message()).contains("internal error").contains("boom").contains("--verbose");
    }

    @Test
    void an_interrupt_exits_130() {
        ErrorReport r = ErrorReport.of(
                new SoraInterruptedException("Interrupted while tracking the batch.", new InterruptedException()),
                false);
        assertThat(r.code()).isEqualTo(130);
        assertThat(r.message()).contains("sora resume");
    }

    @Test
    void service_errors_map_by_kind() {
        assertThat(ErrorReport.of(ApiException.builder().status(401).build(), false)
                        .code())
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(ErrorReport.of(ApiException.builder().status(400).build(), false)
                        .code())
                .isEqualTo(ExitCodes.API_ERROR);
        assertThat(ErrorReport.of(
                                ApiException.builder()
                                        .status(0)
                                        .message("no route")
                                        .build(),
                                false)
                        .code())
                .isEqualTo(ExitCodes.API_ERROR);
        assertThat(ErrorReport.of(new ConfigException("api_key", "OPENAI_API_KEY is not set."), false)
                        .message())
                .isEqualTo("OPENAI_API_KEY is not set. Export it, or pass --offline to use the local emulator.");
    }

    @Test
    void a_server_error_says_a_create_may_have_happened_and_was_not_resent() {
        ErrorReport r = ErrorReport.of(
                ApiException.builder().status(502).message("Bad gateway").build(), false);
        assertThat(r.code()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(r.message())
                .startsWith("the service answered HTTP 502: Bad gateway")
                .contains("may have made the job anyway")
                .contains("`sora list`");
        assertThat(ErrorReport.of(ApiException.builder().status(400).build(), false)
                        .message())
                .doesNotContain("may have made");
    }

    @Test
    void field_names_in_library_messages_become_flags_in_one_place() {
        InvalidRequestException e = InvalidRequestException.of(
                "size", " '9x9' is not allowed; use " + SoraException.ref("model") + " sora-2-pro");
        assertThat(e.getMessage()).isEqualTo("size '9x9' is not allowed; use model sora-2-pro");
        ErrorReport r = ErrorReport.of(e, false);
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.message()).isEqualTo("--size '9x9' is not allowed; use --model sora-2-pro");
        assertThat(FlagNames.flag("no_such_field")).isEqualTo("no_such_field");
    }
}
