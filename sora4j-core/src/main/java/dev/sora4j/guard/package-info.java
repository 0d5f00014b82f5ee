/**
 * Guardrails and pre-flight checks that run before any request is sent.
 *
 * <p>{@link dev.sora4j.guard.Guardrails} checks every text that reaches the server against
 * content rules (real people, copyrighted characters and franchises, copyrighted music, adult
 * content) and returns a {@link dev.sora4j.guard.Verdict}. {@link dev.sora4j.media.ImageProbe},
 * {@link dev.sora4j.preflight.ReferenceCheck} and {@link dev.sora4j.media.Fitter} check and fit input
 * images; {@link dev.sora4j.media.ClipProbe} reads a character clip's duration and size from its
 * MP4 header. Face detection needs native code and lives in the optional {@code sora4j-faces}
 * module, reached through {@link dev.sora4j.preflight.FaceCheck}.
 */
package dev.sora4j.guard;
