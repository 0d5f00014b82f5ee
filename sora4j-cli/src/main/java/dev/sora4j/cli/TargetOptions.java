package dev.sora4j.cli;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.Variant;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which asset to download and where: {@code --variant}, {@code --out}, {@code --force}. */
final class TargetOptions {
    @Option(
            names = "--variant",
            paramLabel = "video|thumbnail|spritesheet",
            defaultValue = "video",
            description = "Asset to download: video (MP4, default), thumbnail (WebP) or spritesheet (JPEG).")
    String variant;

    @Option(
            names = "--out",
            paramLabel = "PATH",
            description =
                    "Output file (default video.mp4 / thumbnail.webp / spritesheet.jpg; the extension is added if missing).")
    String out;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    Variant variant() {
        return parse(variant);
    }

    /** A {@code --variant} value; the same names as the API's {@code variant}. */
    static Variant parse(String value) {
        return Variant.fromWireName(value)
                .orElseThrow(() -> InvalidRequestException.of(
                        "variant", " '" + value + "' is not supported; use one of: video, thumbnail, spritesheet"));
    }

    Path outPath() {
        return OutputPaths.downloadOut(out, variant());
    }
}
