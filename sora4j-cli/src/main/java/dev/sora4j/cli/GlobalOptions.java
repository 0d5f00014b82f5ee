package dev.sora4j.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after the command name. */
final class GlobalOptions {
    @Option(
            names = "--base-url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description =
                    "API root including /v1, e.g. a gateway (default: OPENAI_BASE_URL, else https://api.openai.com/v1, "
                            + "where OpenAI removed the Videos API on 2026-09-24).")
    String baseUrl;

    @Option(
            names = "--provider",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            description = "Server dialect: openai (default), azure, litellm, vllm-omni, sglang, trtllm, openrouter,"
                    + " new-api (default: SORA4J_PROVIDER, else config 'provider'). Decides the base URL default,"
                    + " the key's environment variable, the request encoding and which commands work."
                    + " Commands on a recorded job use that job's provider.")
    String provider;

    @Option(
            names = "--offline",
            scope = ScopeType.INHERIT,
            description = "Run against the local emulator (state in ~/.sora4j/emulator), a background process that"
                    + " offline commands share and that stops when idle (sora emulator status|stop); no key needed.")
    boolean offline;

    @Option(
            names = "--profile",
            scope = ScopeType.INHERIT,
            paramLabel = "guide|spec|open",
            description = "Validation profile (default: SORA4J_PROFILE, else guide).")
    String profile;

    @Option(
            names = "--auth-header",
            scope = ScopeType.INHERIT,
            paramLabel = "bearer|api-key",
            description = "Send the key as 'Authorization: Bearer' (default) or as an Azure-style 'api-key' header.")
    String authHeader;

    @Option(
            names = "--ledger",
            scope = ScopeType.INHERIT,
            paramLabel = "PATH|URL",
            description = {
                "The job ledger: a SQLite file, or jdbc:postgresql://HOST/DB for a ledger shared by a team",
                "(user and password from PGUSER, PGPASSWORD or ~/.pgpass; default: SORA4J_LEDGER, else ~/.sora4j/ledger.db)."
            })
    String ledger;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print details and stack traces of errors.")
    boolean verbose;
}
