package dev.sora4j.cli;

import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.Variant;
import dev.sora4j.preflight.OutputTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "download",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Download a completed job's video, thumbnail or spritesheet.",
            "",
            "The file is written beside --out under a temporary name and renamed when complete,",
            "so an interrupted download never leaves a partial file at --out.",
            "",
            "Example:",
            "  sora download --id video_123 --variant spritesheet --out sheet.jpg"
        })
final class DownloadCommand extends BaseCommand {
    @Mixin
    IdOption video;

    @Mixin
    TargetOptions target;

    @Override
    int execute() {
        Variant variant = target.variant();
        Path out = target.outPath();
        OutputPaths.extensionWarning(out, variant).ifPresent(this::warn);
        String id = video.resolve(this);
        if (Files.exists(out) && !target.force) {
            throw new OutputExistsException(out);
        }
        OutputTargets.checkFile("--out", out);
        DownloadResult result = clientFor(id).download(id, variant, out, target.force);
        info("Wrote " + out + " (" + result.bytes() + " bytes, sha256 " + result.sha256() + ")");
        return ExitCodes.OK;
    }
}
