package dev.sora4j.cli;

import dev.sora4j.batchapi.BatchApiStore;
import dev.sora4j.batchapi.BatchWaitTimeoutException;
import dev.sora4j.batchapi.CollectResult;
import dev.sora4j.batchapi.SoraBatches;
import dev.sora4j.model.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "collect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Wait for a batch to end, then download every completed video to OUT_DIR/<custom_id>.mp4 and report",
            "the lines that failed. Safe to rerun (even after kill -9): finished files are never fetched again,",
            "partial ones resume. Warns when the 24 h download window is near or past. Exit 1 if a line failed.",
            "",
            "Example:",
            "  sora batch collect @last --out-dir out/ --variant video --variant thumbnail",
        })
final class BatchCollectCommand extends BatchSubcommand {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "ID",
            defaultValue = "@last",
            description = "batch_... or @last.")
    String id;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Where the files go.")
    Path outDir;

    @Option(
            names = "--variant",
            paramLabel = "VARIANT",
            description = "What to download per video: video (default), thumbnail, spritesheet; repeatable.")
    List<String> variants = new ArrayList<>();

    @Mixin
    PollingOptions polling;

    @Override
    int execute() {
        Set<Variant> wanted = new LinkedHashSet<>();
        for (String v : variants.isEmpty() ? List.of("video") : variants) {
            wanted.add(TargetOptions.parse(v));
        }
        CollectResult r;
        try (BatchApiStore store = openStore()) {
            try {
                r = SoraBatches.of(client(), store)
                        .collect(id, outDir, wanted, polling.toOptions(global().offline), this::info);
            } catch (BatchWaitTimeoutException e) {
                info("Error: " + e.getMessage() + " Run the same command later to collect.");
                return ExitCodes.TIMED_OUT;
            }
        }
        r.warnings().forEach(this::warn);
        List<Object> rows = new ArrayList<>();
        for (CollectResult.Row row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("custom_id", row.customId());
            m.put("line", row.line());
            m.put("video_id", row.videoId());
            m.put("status", row.status());
            m.put("files", row.files().stream().map(Path::toString).toList());
            m.put("downloaded_now", row.downloadedNow());
            m.put("error", row.error());
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("batch", summary(r.batch()));
        out.put("lines", r.rows().size());
        out.put("failed", r.failed().size());
        out.put("results", rows);
        printValue(out);
        if (!r.failed().isEmpty()) {
            for (CollectResult.Row row : r.failed()) {
                info((row.line() == null ? "" : "line " + row.line() + " ") + "(" + row.customId() + "): "
                        + row.status() + (row.error() == null ? "" : ": " + row.error()));
            }
            info(r.failed().size() + " of " + r.rows().size() + " line(s) failed; fix them and submit those lines"
                    + " again (a new jobs file), or rerun collect if a download was interrupted.");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
