/**
 * The optional human-face check: {@link dev.sora4j.faces.FaceDetector} runs OpenCV's frontal (Haar)
 * and profile (Haar) cascades, shipped inside the bytedeco OpenCV natives jar, on images and on
 * frames that {@link dev.sora4j.faces.ClipSampler} takes from a clip with FFmpeg. {@link
 * dev.sora4j.faces.OpenCvFaceCheck} offers both to sora4j-core as a {@link dev.sora4j.preflight.FaceCheck}
 * service. Kept out of sora4j-core because the natives add about 45 MB.
 */
package dev.sora4j.faces;
