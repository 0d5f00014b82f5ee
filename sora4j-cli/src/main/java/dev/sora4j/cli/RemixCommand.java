package dev.sora4j.cli;

import dev.sora4j.model.RemixRequest;
import dev.sora4j.model.VideoJob;
import dev.sora4j.rules.VideoRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "remix",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Legacy remix of a completed video (prefer `sora edit`); prints the new job.", "",
            "Example:", "  sora remix --id video_123 --prompt \"Same scene in watercolor\""
        })
final class RemixCommand extends BaseCommand {
    @Mixin
    IdOption video;

    @Mixin
    PromptOptions prompt;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    MaxCostOption maxCost;

    @Mixin
    JsonOutOption json;

    @Mixin
    ForceOption overwrite;

    @Override
    int execute() {
        warn(
                "The remix endpoint is legacy (deprecated since 2026-03-12). Prefer `sora edit --id ...` for new workflows.");
        RemixRequest request = VideoRules.of(context().profile(global()))
                .validateRemix(new RemixRequest(video.resolve(this), prompt.build(this::warn)));
        if (dryRun.enabled) {
            return dryRun(sourcePreviewClient().preview(request), json, "remix.json", maxCost);
        }
        VideoJob job = client().remix(request, maxCost.sendOptions());
        printJson(job.json());
        writeJsonOut(json.path("remix.json"), job.json());
        return ExitCodes.OK;
    }
}
