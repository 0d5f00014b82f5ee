/**
 * The team work queue on PostgreSQL: jobs-file lines enqueued once ({@link dev.sora4j.queue.WorkQueue}),
 * claimed by any number of workers with expiring leases ({@link dev.sora4j.queue.QueueWorker}), one
 * budget per queue and one request rate per provider and key enforced in the database
 * ({@link dev.sora4j.queue.DatabaseRateGate}). The tables live beside the shared ledger.
 */
package dev.sora4j.queue;
