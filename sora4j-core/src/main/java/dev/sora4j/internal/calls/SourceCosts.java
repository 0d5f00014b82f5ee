package dev.sora4j.internal.calls;

import dev.sora4j.errors.SoraException;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.media.ClipInfo;
import dev.sora4j.media.ClipProbe;
import dev.sora4j.model.VideoJob;
import dev.sora4j.rules.PriceTable;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Estimates for the calls billed by a source video: an edit or a remix makes a video as long as its
 * source, an extension is billed by its new segment. The source's model and size come from the
 * ledger's create entry when this machine made it; otherwise, and only when the caller may ask
 * (a capped call, never a dry run), from the server's record, a free GET.
 */
public final class SourceCosts {
    private final Ledger ledger;
    private final PriceTable prices;
    private final Function<String, VideoJob> retrieve;

    /**
     * Estimates from these sources.
     *
     * @param ledger where this machine's creates are recorded
     * @param prices the price table
     * @param retrieve fetches a video's record from the server
     */
    public SourceCosts(Ledger ledger, PriceTable prices, Function<String, VideoJob> retrieve) {
        this.ledger = ledger;
        this.prices = prices;
        this.retrieve = retrieve;
    }

    /**
     * The estimate of a call made from {@code videoId}.
     *
     * @param videoId the source video
     * @param seconds the billed seconds, or null for the source's own length
     * @param mayAsk whether the server may be asked when the ledger does not know the source
     * @return the estimate, or empty when the source or its price is unknown
     */
    public Optional<Double> fromVideo(String videoId, String seconds, boolean mayAsk) {
        Optional<Source> source = fromLedger(videoId);
        if (source.isEmpty() && mayAsk) {
            VideoJob job = retrieve.apply(videoId);
            source = Optional.of(new Source(job.model(), job.size(), job.seconds()));
        }
        return source.flatMap(s -> prices.estimate(s.model(), s.size(), seconds != null ? seconds : s.seconds()));
    }

    /**
     * The estimate of an edit of an uploaded MP4: its length and frame size, at {@code model}'s price.
     *
     * @param clip the MP4 to upload
     * @param model the model named for the edit
     * @return the estimate, or empty when the clip cannot be read or the price is unknown
     */
    public Optional<Double> fromUpload(Path clip, String model) {
        try {
            ClipInfo info = ClipProbe.probe(clip);
            String seconds = Long.toString(Math.round(info.seconds()));
            return prices.estimate(model, info.width() + "x" + info.height(), seconds);
        } catch (SoraException unreadable) {
            // The upload itself reports an unreadable clip; an estimate is only ever a hint.
            return Optional.empty();
        }
    }

    /** Only creates carry the model, size and length the source was made with. */
    private Optional<Source> fromLedger(String videoId) {
        return ledger.find(videoId)
                .filter(e -> "create".equals(e.kind()) && e.model() != null && e.size() != null && e.seconds() != null)
                .map(SourceCosts::source);
    }

    private static Source source(LedgerEntry e) {
        return new Source(e.model(), e.size(), e.seconds());
    }

    private record Source(String model, String size, String seconds) {}
}
