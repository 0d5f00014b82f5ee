/**
 * Values the Videos API takes and returns: requests ({@link dev.sora4j.model.VideoRequest} and its siblings), jobs
 * ({@link dev.sora4j.model.VideoJob}, with the open {@link dev.sora4j.model.JobStatus}), pages, characters, download
 * results and request previews. Server-owned values (status, model, size, seconds) are open strings: a new value never
 * breaks a client.
 */
package dev.sora4j.model;
