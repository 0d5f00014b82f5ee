package dev.sora4j.cli.gallery;

/**
 * An action the page asked for.
 *
 * @param action what to do
 * @param seq the ledger number of the job it acts on
 * @param prompt the prompt (edit, extend, remix), else null
 * @param seconds the new segment's length (extend), else null
 */
public record ActionRequest(GalleryAction action, long seq, String prompt, String seconds) {
    /**
     * The prompt without surrounding whitespace, or null.
     *
     * @return the prompt as it will be sent
     */
    public String cleanPrompt() {
        return prompt == null || prompt.isBlank() ? null : prompt.strip();
    }
}
