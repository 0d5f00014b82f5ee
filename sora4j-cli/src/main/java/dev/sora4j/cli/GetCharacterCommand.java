package dev.sora4j.cli;

import dev.sora4j.model.Character;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "get-character",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Print a character.", "", "Example:", "  sora get-character --id char_123"})
final class GetCharacterCommand extends BaseCommand {
    @Option(
            names = "--id",
            required = true,
            paramLabel = "CHARACTER_ID",
            description = "The character id (char_...), or @last / @N from the ledger.")
    String id;

    @Mixin
    JsonOutOption json;

    @Mixin
    ForceOption overwrite;

    @Override
    int execute() {
        Character character =
                client().retrieveCharacter(IdRefs.resolve(id, () -> context().ledger(global()), true));
        printJson(character.json());
        writeJsonOut(json.path("character.json"), character.json());
        return ExitCodes.OK;
    }
}
