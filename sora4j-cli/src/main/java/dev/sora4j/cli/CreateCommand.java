package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Create a new video job and print it.",
            "",
            "Example:",
            "  sora create --prompt \"A paper boat drifting on a pond\" --seconds 8 --json-out out/"
        })
final class CreateCommand extends BaseCommand {
    @Mixin
    CreateOptions create;

    @Mixin
    MaxCostOption maxCost;

    @Mixin
    JsonOutOption json;

    @Mixin
    ForceOption overwrite;

    @Override
    int execute() {
        VideoRequest request;
        // Validated as the configured provider receives it (its defaults, limits and extra fields).
        try (SoraClient validator = previewClient()) {
            request = create.toRequest(validator::validate, this::warn);
        }
        request =
                ReferenceFits.fitted(request, create.video, context().settings().home());
        if (create.dryRun.enabled) {
            return dryRun(previewClient().preview(request), json, "create.json", maxCost);
        }
        VideoJob job = created(client().create(request, maxCost.sendOptions()));
        printJson(job.json());
        writeJsonOut(json.path("create.json"), job.json());
        return ExitCodes.OK;
    }
}
