package dev.sora4j.providers;

/**
 * How one provider supports one {@link Feature}.
 *
 * @param level whether sora4j sends it, derives it locally or refuses it
 * @param note for {@link Level#UNSUPPORTED}: the alternative to suggest; otherwise a caveat (may be empty)
 */
public record Support(Level level, String note) {
    /** The level of support; every level but {@link #UNSUPPORTED} lets the command run. */
    public enum Level {
        /** The provider's sources show it. */
        SUPPORTED,
        /** Sources do not settle it (providers.md UNCERTAIN): sora4j sends it and checks the answer. */
        UNVERIFIED,
        /** Not served; sora4j makes it locally from the video when asked ({@code --derive}). */
        DERIVED,
        /** Refused before anything is sent (exit 2), with {@link #note()} as the alternative. */
        UNSUPPORTED
    }

    /**
     * Turns a null {@code note} into an empty string.
     *
     * @param level whether sora4j sends it, derives it locally or refuses it
     * @param note for {@link Level#UNSUPPORTED}: the alternative to suggest; otherwise a caveat (may be empty)
     */
    public Support {
        note = note == null ? "" : note;
    }

    /**
     * Plain support, no caveat.
     *
     * @return a {@link Level#SUPPORTED} support with an empty note
     */
    public static Support yes() {
        return new Support(Level.SUPPORTED, "");
    }

    /**
     * Support with a caveat.
     *
     * @param caveat what the user should know when using the feature
     * @return a {@link Level#SUPPORTED} support with the caveat as note
     */
    public static Support yes(String caveat) {
        return new Support(Level.SUPPORTED, caveat);
    }

    /**
     * Support the sources do not settle: sora4j sends the request and checks the answer.
     *
     * @param caveat why it is uncertain
     * @return a {@link Level#UNVERIFIED} support with the caveat as note
     */
    public static Support unverified(String caveat) {
        return new Support(Level.UNVERIFIED, caveat);
    }

    /**
     * Not served, but sora4j can make it locally from the video.
     *
     * @param how how it is derived
     * @return a {@link Level#DERIVED} support with {@code how} as note
     */
    public static Support derived(String how) {
        return new Support(Level.DERIVED, how);
    }

    /**
     * No support: refused before anything is sent.
     *
     * @param alternative what the user can do instead
     * @return a {@link Level#UNSUPPORTED} support with the alternative as note
     */
    public static Support no(String alternative) {
        return new Support(Level.UNSUPPORTED, alternative);
    }

    /**
     * Whether a command using the feature may run.
     *
     * @return true for every level but {@link Level#UNSUPPORTED}
     */
    public boolean usable() {

        return level != Level.UNSUPPORTED;
    }
}
