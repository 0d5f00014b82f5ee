package dev.sora4j.cli;

import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.VideoJob;
import dev.sora4j.rules.VideoRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "extend",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Extend a completed video by a new segment; the new job's seconds is the stitched total.",
            "A video can be extended at most 6 times, to 120 s in total (checked here except under --profile open).",
            "",
            "Example:",
            "  sora extend --id video_123 --seconds 8 --prompt \"The camera keeps rising above the clouds\""
        })
final class ExtendCommand extends BaseCommand {
    @Mixin
    IdOption video;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "4",
            description = "Length of the new segment: 4 (default), 8, 12, 16 or 20.")
    String seconds;

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
        ExtendRequest request = VideoRules.of(context().profile(global()))
                .validateExtend(new ExtendRequest(video.resolve(this), prompt.build(this::warn), seconds));
        if (dryRun.enabled) {
            return dryRun(sourcePreviewClient().preview(request), json, "extend.json", maxCost);
        }
        VideoJob job = client().extend(request, maxCost.sendOptions());
        printJson(job.json());
        writeJsonOut(json.path("extend.json"), job.json());
        return ExitCodes.OK;
    }
}
