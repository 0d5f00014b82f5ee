package dev.sora4j.queue;

/**
 * A line a worker holds a lease on.
 *
 * @param id the item's id; also its line number in the queue's ledger batch
 * @param queue the queue
 * @param line what was enqueued
 * @param claims how many times a worker has claimed it (more than one: an earlier worker lost it)
 */
public record QueueItem(long id, String queue, QueueLine line, int claims) {}
