package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.model.VideoJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "poll",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Wait until a job ends, optionally download it.",
            "",
            "Example:",
            "  sora poll --id video_123 --download --variant thumbnail"
        })
final class PollCommand extends BaseCommand {
    @Mixin
    IdOption video;

    @Mixin
    PollingOptions polling;

    @Mixin
    DownloadOptions download;

    @Mixin
    JsonOutOption json;

    @Override
    int execute() {
        var options = polling.toOptions(global().offline);
        JobWaiter.precheck(this, download, json);
        String id = video.resolve(this);
        SoraClient client = clientFor(id);
        JobWaiter waiter = new JobWaiter(this);
        InterruptHint hint = waiter.hint(client, id, download);
        try {
            VideoJob done = waiter.waitFor(client, id, options);
            printJson(done.json());
            writeJsonOut(json.path("poll.json"), done.json());
            waiter.maybeDownload(client, done, download);
        } finally {
            hint.close();
        }
        return ExitCodes.OK;
    }
}
