package dev.sora4j.providers.doctor;

import java.util.Map;

/**
 * One probe and its answer.
 *
 * @param probe what was asked
 * @param observation what came back (status 0 when nothing did)
 * @param millis how long the answer took
 * @param failure why no answer came (empty when one did)
 */
public record ProbeResult(Probe probe, Observation observation, long millis, String failure) {
    static ProbeResult failed(Probe probe, String why) {
        return new ProbeResult(probe, new Observation(probe.path(), 0, Map.of(), ""), 0, why);
    }

    /**
     * Whether the probe got an answer.
     *
     * @return true when the observation has a positive HTTP status
     */
    public boolean answered() {
        return observation.answered();
    }

    /**
     * Whether the server refused the credential (401 or 403).
     *
     * @return true when the answer's status is 401 or 403
     */
    public boolean authRefused() {
        int s = observation.status();
        return s == 401 || s == 403;
    }
}
