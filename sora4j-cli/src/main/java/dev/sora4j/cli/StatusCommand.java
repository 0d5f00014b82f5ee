package dev.sora4j.cli;

import dev.sora4j.model.VideoJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Print a job's current state.", "", "Example:", "  sora status --id video_123"})
final class StatusCommand extends BaseCommand {
    @Mixin
    IdOption video;

    @Mixin
    JsonOutOption json;

    @Mixin
    ForceOption overwrite;

    @Override
    int execute() {
        String id = video.resolve(this);
        VideoJob job = clientFor(id).retrieve(id);
        printJson(job.json());
        writeJsonOut(json.path("status.json"), job.json());
        return ExitCodes.OK;
    }
}
