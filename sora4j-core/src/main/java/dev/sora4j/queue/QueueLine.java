package dev.sora4j.queue;

/**
 * One validated jobs-file line to enqueue, with what a worker needs to read it again exactly so.
 *
 * @param source the jobs file's name, for messages
 * @param line the line's number in the file
 * @param raw the line as written
 * @param baseDir where relative image paths are looked up (the jobs file's directory)
 * @param outName the result's file name (unique within a queue)
 * @param estimatedCost the line's estimated cost in USD (0 when unknown)
 * @param defaults the create flags given with {@code queue add}
 */
public record QueueLine(
        String source,
        int line,
        String raw,
        String baseDir,
        String outName,
        double estimatedCost,
        LineDefaults defaults) {}
