package dev.sora4j.internal.calls;

import dev.sora4j.ledger.Intent;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One paid request ready for {@link CallRecorder}: what the ledger records before it is sent, how
 * to send it, and how to read the id and status of what it created.
 *
 * @param intent the ledger record, written before sending
 * @param send sends the request once
 * @param idOf the created object's id
 * @param statusOf the created object's status as the ledger records it
 * @param <T> what the service answers with
 */
public record PaidCall<T>(Intent intent, Supplier<T> send, Function<T, String> idOf, Function<T, String> statusOf) {}
