package dev.sora4j.cli.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the page can do to a job; each is one {@code sora} command, shown so users learn the CLI. */
public enum GalleryAction {
    /** Download the video next to the others ({@code sora download}). */
    DOWNLOAD("download", false),
    /** Download again over the recorded file ({@code sora download --force}). */
    REDOWNLOAD("download", false),
    /** Edit the video with a new prompt ({@code sora edit}). */
    EDIT("edit", true),
    /** Add a segment ({@code sora extend}). */
    EXTEND("extend", true),
    /** The legacy remix ({@code sora remix}). */
    REMIX("remix", true),
    /** Delete the job and its assets on the server ({@code sora delete}). */
    DELETE("delete", false);

    private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final String command;
    private final boolean needsPrompt;

    GalleryAction(String command, boolean needsPrompt) {
        this.command = command;
        this.needsPrompt = needsPrompt;
    }

    /**
     * The name the page sends.
     *
     * @return e.g. {@code remix}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the action takes a prompt.
     *
     * @return true for edit, extend and remix
     */
    public boolean needsPrompt() {
        return needsPrompt;
    }

    /**
     * The action a page names.
     *
     * @param name e.g. {@code remix}
     * @return the action, or empty
     */
    public static Optional<GalleryAction> of(String name) {
        for (GalleryAction a : values()) {
            if (a.wireName().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code sora} command that does the same, quoted for a POSIX shell.
     *
     * @param globalFlags flags the gallery itself was started with that change where requests go
     *     (e.g. {@code --offline}, {@code --ledger PATH})
     * @param videoId the job's id
     * @param request the prompt and seconds
     * @param out the download target (download actions only), else null
     * @return one line, e.g. {@code sora remix --id video_1 --prompt 'Same, at night' --no-augment}
     */
    public String command(List<String> globalFlags, String videoId, ActionRequest request, String out) {
        List<String> words = new ArrayList<>();
        words.add("sora");
        words.addAll(globalFlags);
        words.add(command);
        words.add("--id");
        words.add(videoId);
        if (this == DOWNLOAD || this == REDOWNLOAD) {
            words.add("--out");
            words.add(out);
        }
        if (this == REDOWNLOAD) {
            words.add("--force");
        }
        if (this == EXTEND) {
            words.add("--seconds");
            words.add(request.seconds());
        }
        if (needsPrompt) {
            words.add("--prompt");
            words.add(request.prompt());
            // The page sends the prompt as typed, without the structured augmentation the CLI adds by default.
            words.add("--no-augment");
        }
        return String.join(" ", words.stream().map(GalleryAction::quote).toList());
    }

    static String quote(String word) {
        if (word == null || word.isEmpty()) {
            return "''";
        }
        if (SAFE_WORD.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
