package dev.sora4j.emulator.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which server the emulator imitates. {@link #OPENAI} is the spec's shape: every field present, nulls
 * included, four statuses. {@link #GATEWAY} is what gateways and the guide's samples show: null fields
 * omitted, and {@code expired} for a completed video whose assets expired. The others reproduce one
 * provider each as {@code reference/providers.md} describes it (base path, auth header, encodings,
 * fields, ids, statuses, errors, routes); they are served by {@code dev.sora4j.emulator.dialect}.
 */
public enum Dialect {
    OPENAI("openai"),
    GATEWAY("gateway"),
    LITELLM("litellm"),
    VLLM_OMNI("vllm-omni"),
    SGLANG("sglang"),
    TRTLLM("trtllm"),
    AZURE("azure"),
    OPENROUTER("openrouter"),
    NEW_API("new-api");

    private final String cliName;

    Dialect(String cliName) {
        this.cliName = cliName;
    }

    /** The name {@code --dialect} takes, e.g. {@code vllm-omni}. */
    public String cliName() {
        return cliName;
    }

    /** The dialect named {@code name} ({@code vllm-omni}, {@code VLLM_OMNI}, any case), if any. */
    public static Optional<Dialect> parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(d -> d.cliName.equals(n)).findFirst();
    }

    /** {@code openai, gateway, litellm, ...} for messages and help. */
    public static String names() {
        return Arrays.stream(values()).map(Dialect::cliName).collect(Collectors.joining(", "));
    }
}
