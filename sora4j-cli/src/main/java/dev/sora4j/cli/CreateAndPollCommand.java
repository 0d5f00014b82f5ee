package dev.sora4j.cli;

import dev.sora4j.RequestPreview;
import dev.sora4j.SoraClient;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.options.PollOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "create-and-poll",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Create a job, wait until it ends, optionally download it.",
            "",
            "Example:",
            "  sora --offline create-and-poll --prompt \"A paper boat drifting on a pond\" --download --out demo.mp4"
        })
final class CreateAndPollCommand extends BaseCommand {
    @Mixin
    CreateOptions create;

    @Mixin
    PollingOptions polling;

    @Mixin
    DownloadOptions download;

    @Mixin
    MaxCostOption maxCost;

    @Mixin
    JsonOutOption json;

    @Override
    int execute() {
        VideoRequest request;
        // Validated as the configured provider receives it (its defaults, limits and extra fields).
        try (SoraClient validator = previewClient()) {
            request = create.toRequest(validator::validate, this::warn);
        }
        request =
                ReferenceFits.fitted(request, create.video, context().settings().home());
        PollOptions options = polling.toOptions(global().offline);
        if (create.dryRun.enabled) {
            noteKeyForDryRun();
            RequestPreview previewed = previewClient().preview(request);
            Map<String, Object> preview = previewed.toMap();
            printValue(preview);
            info("Would poll for completion.");
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("dry_run", true);
            bundle.put("request", preview);
            bundle.put("poll", true);
            if (download.download) {
                info("Would download variant=" + download.target.variant().wireName() + " to "
                        + download.target.outPath());
                bundle.put(
                        "download",
                        Map.of(
                                "variant",
                                download.target.variant().wireName(),
                                "out",
                                download.target.outPath().toString()));
            }
            writeJsonOut(json.path("create-and-poll.json"), bundle);
            int code = verdictCode(previewed.verdict());
            return code == ExitCodes.OK ? costCode(previewed, maxCost) : code;
        }
        JobWaiter.precheck(this, download, json);
        SoraClient client = client();
        VideoJob created = created(client.create(request, maxCost.sendOptions()));
        printJson(created.json());
        JobWaiter waiter = new JobWaiter(this);
        // Installed before the user is told we wait, so a Ctrl-C right after that line still gets the hint.
        InterruptHint hint = waiter.hint(client, created.id(), download);
        info("Created " + created.id() + "; waiting for it to finish.");
        try {
            VideoJob done = waiter.waitFor(client, created.id(), options);
            printJson(done.json());
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("create", Json.parse(created.json()));
            bundle.put("final", Json.parse(done.json()));
            writeJsonOut(json.path("create-and-poll.json"), bundle);
            waiter.maybeDownload(client, done, download);
        } finally {
            hint.close();
        }
        return ExitCodes.OK;
    }
}
