package dev.sora4j.cli;

import dev.sora4j.RequestPreview;
import dev.sora4j.SoraClient;
import dev.sora4j.cli.gallery.ActionPreview;
import dev.sora4j.cli.gallery.ActionRequest;
import dev.sora4j.cli.gallery.ActionResult;
import dev.sora4j.cli.gallery.GalleryAction;
import dev.sora4j.cli.gallery.GalleryBackend;
import dev.sora4j.config.Redact;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.guard.ContentRefusedException;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.RemixRequest;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.preflight.OutputTargets;
import dev.sora4j.rules.Ids;
import dev.sora4j.rules.PriceTable;
import dev.sora4j.rules.VideoRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gallery's actions on the same road as the commands they stand for: the same ledger, client,
 * validation, guardrails and provider checks that {@code sora download}, {@code edit}, {@code extend}, {@code
 * remix} and {@code delete} use, with errors worded and coded as the CLI words and codes them.
 * One action runs at a time.
 */
final class CliGallery implements GalleryBackend {
    private final CliContext context;
    private final GlobalOptions global;
    private final SoraClient client;
    private final Ledger ledger;
    private final PriceTable prices;
    private final Path outDir;
    private final Path cacheDir;
    private final List<String> globalFlags;
    private final Object actions = new Object();

    /** Opens the ledger and the client now, on the calling thread (the context is not thread-safe). */
    CliGallery(CliContext context, GlobalOptions global, Path outDir) {
        this.context = context;
        this.global = global;
        this.ledger = context.ledger(global);
        this.client = context.client(global);
        this.prices = context.prices();
        this.outDir = outDir.toAbsolutePath().normalize();
        this.cacheDir = context.settings().home().resolve("gallery-cache");
        this.globalFlags = globalFlags(global);
        // Resolved now, on this thread: ErrorText asks the context for it when wording an error.
        context.baseUrl(global);
    }

    private static List<String> globalFlags(GlobalOptions global) {
        List<String> flags = new ArrayList<>();
        if (global.offline) {
            flags.add("--offline");
        }
        if (global.provider != null) {
            flags.add("--provider");
            flags.add(global.provider);
        }
        if (global.baseUrl != null) {
            flags.add("--base-url");
            flags.add(Redact.baseUrl(global.baseUrl));
        }
        if (global.profile != null) {
            flags.add("--profile");
            flags.add(global.profile);
        }
        if (global.ledger != null) {
            flags.add("--ledger");
            flags.add(global.ledger.toString());
        }
        return List.copyOf(flags);
    }

    @Override
    public List<LedgerEntry> jobs(int limit) {
        return ledger.list(null, limit);
    }

    @Override
    public Optional<LedgerEntry> job(long seq) {
        return ledger.find("@" + seq);
    }

    @Override
    public void fetch(String videoId, Variant variant, Path target) {
        client.download(videoId, variant, target, true);
    }

    @Override
    public boolean reaches(LedgerEntry entry) {
        // Jobs recorded before providers existed have none: they were OpenAI's.
        String provider = entry.provider() == null ? "openai" : entry.provider();
        return provider.equals(client.provider().name());
    }

    @Override
    public void refresh(String videoId) {
        ledger.status(client.retrieve(videoId));
    }

    @Override
    public Path cacheDir() {
        return cacheDir;
    }

    @Override
    public ActionPreview preview(ActionRequest request) {
        synchronized (actions) {
            return check(request).preview();
        }
    }

    @Override
    public ActionResult run(ActionRequest request) {
        synchronized (actions) {
            Checked checked = check(request);
            ActionPreview preview = checked.preview();
            if (preview.error() != null) {
                return ActionResult.failed(preview.command(), preview.error(), preview.exitCode());
            }
            try {
                ActionResult result = execute(checked);
                log("Gallery ran: " + result.command() + (result.videoId() == null ? "" : " -> " + result.videoId()));
                return result;
            } catch (Exception e) {
                ErrorReport report = report(e);
                log("Gallery ran: " + preview.command() + " -> Error: " + report.message());
                return ActionResult.failed(preview.command(), report.message(), report.code());
            }
        }
    }

    /** An action with its job and its preview; {@code entry} and {@code videoId} are null when refused early. */
    private record Checked(ActionRequest request, LedgerEntry entry, String videoId, Path out, ActionPreview preview) {}

    private Checked check(ActionRequest r) {
        Optional<LedgerEntry> found = job(r.seq());
        if (found.isEmpty()) {
            return refused(r, null, "Job #" + r.seq() + " is not in the ledger (see `sora jobs`).");
        }
        LedgerEntry e = found.get();
        if (e.videoId() == null) {
            return refused(
                    r,
                    null,
                    "Job #" + e.seq() + " has no id yet (status " + e.status() + "); run `sora resume` or `sora jobs "
                            + "show @" + e.seq() + "`.");
        }
        String id;
        try {
            id = Ids.check("--id @" + e.seq() + " (from the ledger)", e.videoId());
        } catch (InvalidRequestException ex) {
            return refused(r, null, report(ex).message());
        }
        Path out = r.action() == GalleryAction.REDOWNLOAD && e.downloadPath() != null
                ? Path.of(e.downloadPath())
                : outDir.resolve(fileName(id));
        String command = r.action().command(globalFlags, id, r, out.toString());
        if (e.kind().equals("character")) {
            return refused(r, command, "Job #" + e.seq() + " is a character, not a video.");
        }
        try {
            ActionPreview preview = switch (r.action()) {
                case DOWNLOAD, REDOWNLOAD -> previewDownload(r, e, out, command);
                case EDIT, EXTEND, REMIX -> previewDerived(r, id, command);
                case DELETE ->
                    new ActionPreview(
                            command,
                            null,
                            "Deleting costs nothing.",
                            List.of("Deletes the job and its assets on the server; the ledger keeps its record and any"
                                    + " downloaded file stays where it is."),
                            null,
                            0);
            };
            return new Checked(r, e, id, out, preview);
        } catch (Exception ex) {
            ErrorReport report = report(ex);
            return new Checked(r, e, id, out, ActionPreview.refused(command, report.message(), report.code()));
        }
    }

    private ActionPreview previewDownload(ActionRequest r, LedgerEntry e, Path out, String command) {
        if (!"completed".equals(e.status())) {
            throw new InvalidRequestException(
                    "id",
                    "Job #" + e.seq() + " is " + e.status()
                            + "; only a completed video can be downloaded (wait for it).");
        }
        boolean force = r.action() == GalleryAction.REDOWNLOAD;
        if (Files.exists(out) && !force) {
            throw new InvalidRequestException(
                    "out", out + " already exists; use Re-download to replace it (`sora download ... --force`).");
        }
        OutputTargets.checkFile("--out", out);
        List<String> warnings = force && Files.exists(out) ? List.of("Replaces " + out + ".") : List.of();
        return new ActionPreview(command, null, "Downloads cost nothing.", warnings, null, 0);
    }

    private ActionPreview previewDerived(ActionRequest r, String id, String command) {
        String prompt = r.cleanPrompt();
        if (prompt == null) {
            throw new InvalidRequestException("prompt", "Missing prompt: write what the new video should show.");
        }
        VideoRules rules = VideoRules.of(context.profile(global));
        List<String> warnings = new ArrayList<>();
        // The same preview `sora edit|extend|remix --dry-run` prints: validation, provider support,
        // the guardrails' verdict and the estimate from the source's ledger entry.
        RequestPreview preview = switch (r.action()) {
            case EDIT -> client.preview(rules.validateEdit(EditRequest.ofVideo(id, prompt)));
            case EXTEND -> client.preview(rules.validateExtend(new ExtendRequest(id, prompt, seconds(r))));
            default -> {
                warnings.add("The remix endpoint is legacy (deprecated since 2026-03-12); prefer Edit.");
                yield client.preview(rules.validateRemix(new RemixRequest(id, prompt)));
            }
        };
        if (!preview.verdict().isAllowed()) {
            throw new ContentRefusedException(preview.verdict());
        }
        // A status request is free: the source must be completed, and its model, size and length
        // estimate the cost when the ledger could not.
        VideoJob source = client.retrieve(id);
        if (!source.status().isCompleted()) {
            throw new InvalidRequestException(
                    "id",
                    "video " + id + " is " + source.status().value() + "; only a completed video can be "
                            + verb(r.action()) + " (wait for it to complete).");
        }
        if (preview.estimatedCostUsd() != null) {
            return new ActionPreview(
                    command,
                    preview.estimatedCostUsd(),
                    "Estimated as `--dry-run` estimates it (the source's model, size and length).",
                    warnings,
                    null,
                    0);
        }
        String seconds = r.action() == GalleryAction.EXTEND ? seconds(r) : source.seconds();
        Optional<Double> cost = prices.estimate(source.model(), source.size(), seconds);
        String note = cost.isPresent()
                ? String.format(
                        Locale.ROOT,
                        "Estimated from the price of %s at %s for %s s.",
                        source.model(),
                        source.size(),
                        seconds)
                : "No price is known for " + source.model() + " at " + source.size()
                        + "; the service may still charge.";
        return new ActionPreview(command, cost.orElse(null), note, warnings, null, 0);
    }

    private ActionResult execute(Checked c) {
        ActionRequest r = c.request();
        String command = c.preview().command();
        return switch (r.action()) {
            case DOWNLOAD, REDOWNLOAD -> {
                DownloadResult d =
                        client.download(c.videoId(), Variant.VIDEO, c.out(), r.action() == GalleryAction.REDOWNLOAD);
                yield new ActionResult(
                        command, null, "Wrote " + d.path() + " (" + d.bytes() + " bytes).", null, ExitCodes.OK);
            }
            case EDIT -> created(command, client.edit(EditRequest.ofVideo(c.videoId(), r.cleanPrompt())));
            case EXTEND -> created(command, client.extend(new ExtendRequest(c.videoId(), r.cleanPrompt(), seconds(r))));
            case REMIX -> created(command, client.remix(new RemixRequest(c.videoId(), r.cleanPrompt())));
            case DELETE -> {
                client.delete(c.videoId());
                yield new ActionResult(command, null, "Deleted " + c.videoId() + " on the server.", null, ExitCodes.OK);
            }
        };
    }

    private static ActionResult created(String command, VideoJob job) {
        return new ActionResult(
                command, job.id(), "Created " + job.id() + " (" + job.status().value() + ").", null, ExitCodes.OK);
    }

    private static String seconds(ActionRequest r) {
        return r.seconds() == null || r.seconds().isBlank() ? "4" : r.seconds().strip();
    }

    private static String verb(GalleryAction a) {
        return switch (a) {
            case EDIT -> "edited";
            case EXTEND -> "extended";
            default -> "remixed";
        };
    }

    /** The file name a download gets in the gallery's output directory: the id, made safe for any file system. */
    static String fileName(String videoId) {
        StringBuilder b = new StringBuilder();
        for (char ch : videoId.toCharArray()) {
            b.append(Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' ? ch : '_');
        }
        return b + ".mp4";
    }

    private Checked refused(ActionRequest r, String command, String message) {
        return new Checked(r, null, null, null, ActionPreview.refused(command, message, ExitCodes.INVALID_INPUT));
    }

    private ErrorReport report(Exception raw) {
        ErrorReport report = ErrorReport.of(raw, false);
        String message = report.message();
        if (raw instanceof ApiException api) {
            message += ErrorText.hint(api, context, global);
        }
        return new ErrorReport(report.code(), ErrorText.clean(message, context, global));
    }

    private void log(String line) {
        synchronized (context) {
            context.err().println(line);
            context.err().flush();
        }
    }
}
