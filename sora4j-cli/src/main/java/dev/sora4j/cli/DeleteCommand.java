package dev.sora4j.cli;

import dev.sora4j.model.DeletedVideo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Delete a completed or failed job and its assets.",
            "",
            "Example:",
            "  sora delete --id video_123"
        })
final class DeleteCommand extends BaseCommand {
    @Mixin
    IdOption video;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    JsonOutOption json;

    @Mixin
    ForceOption overwrite;

    @Override
    int execute() {
        if (dryRun.enabled) {
            return dryRun(previewClient().previewDelete(video.resolve(this)), json, "delete.json");
        }
        String id = video.resolve(this);
        DeletedVideo deleted = clientFor(id).delete(id);
        printJson(deleted.json());
        writeJsonOut(json.path("delete.json"), deleted.json());
        return ExitCodes.OK;
    }
}
