package dev.sora4j.cli;

import dev.sora4j.CreateOutcome;
import dev.sora4j.RequestPreview;
import dev.sora4j.SoraClient;
import dev.sora4j.config.Settings;
import dev.sora4j.errors.SoraException;
import dev.sora4j.guard.Verdict;
import dev.sora4j.internal.files.AtomicFiles;
import dev.sora4j.model.VideoJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** What every subcommand shares: its context, output helpers and the client. */
abstract class BaseCommand implements Callable<Integer> {
    @ParentCommand
    SoraCommand root;

    @Spec
    CommandSpec commandSpec;

    @Override
    public final Integer call() throws Exception {
        InputChecks.beforeExecute(this);
        return execute();
    }

    /** Whether {@code option} (e.g. {@code --variant}) was given on the command line, not just defaulted. */
    boolean given(String option) {
        ParseResult parsed = commandSpec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /** Whether this command's {@code --force} (which also covers {@code --json-out}) was given. */
    boolean force() {
        OptionSpec option = commandSpec.findOption("--force");
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    abstract int execute() throws Exception;

    CliContext context() {
        return root.context();
    }

    GlobalOptions global() {
        return root.global;
    }

    PrintWriter out() {
        return context().out();
    }

    PrintWriter err() {
        return context().err();
    }

    SoraClient client() {
        return context().client(global());
    }

    /** The client for a command on one job: the ledger's provider and base URL for it, unless flags say otherwise. */
    SoraClient clientFor(String videoId) {
        return context().clientFor(global(), videoId);
    }

    /**
     * A single create: the job, with a note on stderr when its answer was lost and the job was found
     * on the server and adopted instead of being sent again.
     */
    VideoJob created(CreateOutcome outcome) {
        if (outcome.adopted()) {
            warn("the service's answer to the create was lost; its job " + outcome.videoId()
                    + " was found on the server and adopted (not sent again, which could have paid twice).");
        }
        return outcome.job();
    }

    void info(String line) {
        err().println(line);
        err().flush();
    }

    /** A warning; the library's field names in it are shown as flags. */
    void warn(String line) {
        info("Warning: " + FlagNames.render(line));
    }

    /** Prints a service object (raw JSON) to stdout, pretty and with sorted keys. */
    void printJson(String raw) {
        out().println(Json.pretty(raw));
        out().flush();
    }

    void printValue(Object value) {
        out().println(Json.pretty(value));
        out().flush();
    }

    void writeJsonOut(Optional<Path> path, Object value) {
        if (path.isEmpty()) {
            return;
        }
        String text = value instanceof String raw ? Json.pretty(raw) : Json.pretty(value);
        if (Files.exists(path.get()) && !force()) {
            // Checked before the request too; this file appeared while we waited.
            warn("--json-out " + path.get() + " appeared meanwhile; not overwritten (add --force). The result is on "
                    + "stdout above.");
            return;
        }
        try {
            AtomicFiles.write(path.get(), (text + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SoraException("Could not write --json-out " + path.get() + ": " + e.getMessage(), e);
        }
        info("Wrote " + path.get());
    }

    /** A client for dry runs: validates and previews, never needs a key, never starts the emulator. */
    SoraClient previewClient() {
        return context().previewClient(global());
    }

    /**
     * Prints the exact request instead of sending it (with {@code estimated_cost_usd} when known),
     * and saves it with {@code --json-out}.
     */
    int dryRun(RequestPreview request, JsonOutOption json, String defaultName) {
        noteKeyForDryRun();
        Map<String, Object> preview = request.toMap();
        printValue(preview);
        writeJsonOut(json.path(defaultName), Map.of("dry_run", true, "request", preview));
        return verdictCode(request.verdict());
    }

    /**
     * A dry run of a paid call under {@code --max-cost}: as {@link #dryRun(RequestPreview, JsonOutOption,
     * String)}, then exit 2 when the estimate passes the cap, as the real run would refuse it.
     */
    int dryRun(RequestPreview request, JsonOutOption json, String defaultName, MaxCostOption cap) {
        int code = dryRun(request, json, defaultName);
        return code == ExitCodes.OK ? costCode(request, cap) : code;
    }

    /** 2 with the refusal line when the preview's estimate passes {@code --max-cost}, else 0. */
    int costCode(RequestPreview request, MaxCostOption cap) {
        if (cap.usd != null && request.estimatedCostUsd() == null) {
            warn("No estimate for this request (the model has no known price, or the source video is not in the "
                    + "ledger); --max-cost can only check it when the real run finds one.");
        }
        Optional<String> refusal = cap.refusal(request);
        if (refusal.isEmpty()) {
            return ExitCodes.OK;
        }
        err().println("Error: " + refusal.get());
        err().flush();
        return ExitCodes.INVALID_INPUT;
    }

    /** A preview client that reads the ledger, for calls estimated from their source video. */
    SoraClient sourcePreviewClient() {
        return context().sourcePreviewClient(global());
    }

    /**
     * A dry run's exit code: 0 when the guardrails allow the request, else 2 with the refusal lines
     * on stderr, as the real run would refuse it.
     */
    int verdictCode(Verdict verdict) {
        if (verdict.isAllowed()) {
            return ExitCodes.OK;
        }
        err().println("Error: " + ErrorReport.refusal(verdict));
        err().flush();
        return ExitCodes.INVALID_INPUT;
    }

    /** The reference CLI's notice when no key is set and only a preview is made. */
    void noteKeyForDryRun() {
        if (!global().offline && context().settings().get(Settings.Key.API_KEY).isEmpty()) {
            warn("OPENAI_API_KEY is not set; dry-run only.");
        }
    }
}
