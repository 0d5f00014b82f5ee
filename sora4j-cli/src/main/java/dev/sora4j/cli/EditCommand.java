package dev.sora4j.cli;

import dev.sora4j.model.EditRequest;
import dev.sora4j.model.VideoJob;
import dev.sora4j.rules.VideoRules;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Edit a generated video (--id) or an uploaded MP4 (--video-file with --model); prints the new job.",
            "",
            "Examples:",
            "  sora edit --id video_123 --prompt \"Same shot, but at night with neon signs\"",
            "  sora edit --video-file clip.mp4 --model sora-2 --prompt \"Turn the sky purple\""
        })
final class EditCommand extends BaseCommand {
    @ArgGroup(multiplicity = "1")
    Source source;

    /** Exactly one source. */
    static final class Source {
        @Option(
                names = "--id",
                paramLabel = "VIDEO_ID",
                description = "A generated video to edit (its model is reused).")
        String id;

        @Option(names = "--video-file", paramLabel = "MP4", description = "An MP4 to upload and edit (needs --model).")
        Path videoFile;
    }

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "Model for an uploaded source: sora-2 or sora-2-pro.")
    String model;

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
        String text = prompt.build(this::warn);
        EditRequest request = VideoRules.of(context().profile(global()))
                .validateEdit(
                        source.id != null
                                ? EditRequest.ofVideo(
                                        IdRefs.resolve(
                                                source.id, () -> context().ledger(global()), false),
                                        text)
                                : EditRequest.ofUpload(source.videoFile, VideoOptions.lower(model), text));
        if (dryRun.enabled) {
            return dryRun(sourcePreviewClient().preview(request), json, "edit.json", maxCost);
        }
        VideoJob job = client().edit(request, maxCost.sendOptions());
        printJson(job.json());
        writeJsonOut(json.path("edit.json"), job.json());
        return ExitCodes.OK;
    }
}
