/**
 * Implementation: the only package that imports {@code com.openai.*}; the adapter over the official openai-java SDK
 * (client set-up, raw POSTs through the SDK's HTTP client, request bodies, response parsing, error mapping). Not API.
 */
package dev.sora4j.internal.openai;
