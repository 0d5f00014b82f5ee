/**
 * Local batches: a jobs file ({@link dev.sora4j.batch.JobsFile}) run concurrently by
 * {@link dev.sora4j.batch.BatchRunner}, resumable after a crash without paying twice, tracked to the end and downloaded.
 */
package dev.sora4j.batch;
