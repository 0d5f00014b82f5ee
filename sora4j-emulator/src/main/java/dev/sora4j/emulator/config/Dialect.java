package dev.sora4j.emulator.config;

/**
 * The shape of responses. {@link #OPENAI} is the spec's: every field present, nulls included, four
 * statuses. {@link #GATEWAY} is what gateways and the guide's samples show: null fields omitted, and
 * {@code expired} for a completed video whose assets expired, so clients get tested against both.
 */
public enum Dialect {
    OPENAI,
    GATEWAY
}
