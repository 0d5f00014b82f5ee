package dev.sora4j.batch;

import dev.sora4j.model.VideoRequest;

/**
 * One line of a jobs file, validated and ready to send.
 *
 * @param number 1-based position among the jobs (used in the default output name)
 * @param line the line of the jobs file it came from
 * @param request the validated create request (prompt already augmented)
 * @param outName the file name of its result inside the output directory
 */
public record BatchJob(int number, int line, VideoRequest request, String outName) {}
