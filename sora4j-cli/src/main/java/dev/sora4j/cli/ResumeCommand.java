package dev.sora4j.cli;

import dev.sora4j.ledger.LedgerEntry;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Continue unfinished work from the ledger: every create-batch run that did not finish is run",
            "again as it was started (created jobs are tracked, not re-created; downloads resume), and jobs",
            "whose create got no answer are listed.",
            "",
            "Example:",
            "  sora resume"
        })
final class ResumeCommand extends BaseCommand {
    @Override
    int execute() {
        List<String> runs = context().ledger(global()).unfinishedRuns();
        List<LedgerEntry> unanswered = context().ledger(global()).list("unknown", 1000).stream()
                .filter(e -> e.batchKey() == null)
                .toList();
        for (LedgerEntry e : unanswered) {
            warn("job @" + e.seq() + " (" + e.kind() + ", " + e.prompt() + ") got no answer; check `sora list` before "
                    + "sending it again.");
        }
        if (runs.isEmpty()) {
            info("Nothing to resume: every create-batch run has finished.");
            return ExitCodes.OK;
        }
        int worst = ExitCodes.OK;
        for (String run : runs) {
            @SuppressWarnings("unchecked")
            List<String> args = (List<String>) Json.parse(run).get("args");
            info("Resuming: sora " + String.join(" ", args));
            context().resetClient();
            int code = Sora.commandLine(context()).execute(args.toArray(String[]::new));
            worst = Math.max(worst, code);
        }
        return worst;
    }
}
