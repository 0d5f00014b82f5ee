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

    public Support {
        note = note == null ? "" : note;
    }

    public static Support yes() {
        return new Support(Level.SUPPORTED, "");
    }

    public static Support yes(String caveat) {
        return new Support(Level.SUPPORTED, caveat);
    }

    public static Support unverified(String caveat) {
        return new Support(Level.UNVERIFIED, caveat);
    }

    public static Support derived(String how) {
        return new Support(Level.DERIVED, how);
    }

    public static Support no(String alternative) {
        return new Support(Level.UNSUPPORTED, alternative);
    }

    public boolean usable() {
        return level != Level.UNSUPPORTED;
    }
}
