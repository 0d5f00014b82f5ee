package dev.sora4j.cli;

import dev.sora4j.media.ClipProbe;
import dev.sora4j.model.Character;
import dev.sora4j.model.CharacterRequest;
import dev.sora4j.rules.VideoRules;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "create-character",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Create a reusable character from a short MP4 clip (2-4 s, 720p-1080p works best).",
            "Use its id with --character-id and write its name in the prompt.",
            "",
            "Example:",
            "  sora create-character --name Mossy --video-file mossy.mp4"
        })
final class CreateCharacterCommand extends BaseCommand {
    @Option(
            names = "--name",
            required = true,
            paramLabel = "NAME",
            description = "1-80 characters; the prompt refers to the character by it.")
    String name;

    @Option(
            names = "--video-file",
            required = true,
            paramLabel = "MP4",
            description = "The clip to upload (checked to be an MP4 by its content).")
    Path videoFile;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    JsonOutOption json;

    @Mixin
    ForceOption overwrite;

    @Override
    int execute() {
        CharacterRequest request =
                VideoRules.of(context().profile(global())).validateCharacter(new CharacterRequest(name, videoFile));
        // The guide's advice on length, aspect and resolution: warned about, not refused.
        ClipProbe.warnings(videoFile, ClipProbe.probe(videoFile)).forEach(this::warn);
        if (dryRun.enabled) {
            return dryRun(previewClient().preview(request), json, "create-character.json");
        }
        Character character = client().createCharacter(request);
        printJson(character.json());
        writeJsonOut(json.path("create-character.json"), character.json());
        return ExitCodes.OK;
    }
}
