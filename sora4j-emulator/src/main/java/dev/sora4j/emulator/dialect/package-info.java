/**
 * Provider dialects ({@code --dialect litellm|vllm-omni|sglang|trtllm|azure|openrouter|new-api}): the
 * emulator's jobs, clock and renders behind the routes, encodings, fields, ids, statuses and error
 * envelopes of another server that speaks the Videos API. Built only from
 * {@code shared/reference/providers.md} and the providers' public sources, never from the client, so the
 * client's provider adapters are tested against an independent reading.
 */
package dev.sora4j.emulator.dialect;
