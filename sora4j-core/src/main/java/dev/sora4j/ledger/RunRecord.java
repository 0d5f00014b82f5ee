package dev.sora4j.ledger;

/**
 * A create-batch run the ledger remembers so that {@code sora resume} can repeat it.
 *
 * @param batchKey the run's key (its jobs file and output directory)
 * @param args the command line as JSON ({@code {"args":[...]}})
 * @param startedAt when it (last) started, Unix ms
 */
public record RunRecord(String batchKey, String args, long startedAt) {}
