package dev.sora4j.emulator.http;

import io.javalin.http.Context;

/**
 * Accepts any non-blank key, as {@code Authorization: Bearer KEY} or Azure's {@code api-key: KEY},
 * and answers the service's 401 when there is none.
 */
public final class ApiKeyAuth {
    private ApiKeyAuth() {}

    public static void check(Context ctx) {
        String auth = ctx.header("Authorization");
        String apiKey = ctx.header("api-key");
        boolean bearer =
                auth != null && auth.startsWith("Bearer ") && !auth.substring(7).isBlank();
        boolean azure = apiKey != null && !apiKey.isBlank();
        if (!bearer && !azure) {
            throw new ApiError(
                    401,
                    "invalid_request_error",
                    null,
                    "missing_api_key",
                    "You didn't provide an API key. You need to provide your API key in an Authorization header "
                            + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }
    }
}
