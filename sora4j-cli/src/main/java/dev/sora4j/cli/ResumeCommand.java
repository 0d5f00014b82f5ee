package dev.sora4j.cli;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.RunRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Continue unfinished work from the ledger: every create-batch run that did not finish is run",
            "again as it was started (created jobs are tracked, not re-created; downloads resume), and jobs",
            "whose create got no answer are listed. Runs that never sent anything are not kept.",
            "",
            "Examples:",
            "  sora resume",
            "  sora resume --list",
            "  sora resume --drop 3f2a9c1b"
        })
final class ResumeCommand extends BaseCommand {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final int SHORT_KEY = 8;

    @Option(names = "--list", description = "List the unfinished runs (RUN, started, command) and exit.")
    boolean list;

    @Option(
            names = "--drop",
            paramLabel = "RUN",
            description =
                    "Forget one unfinished run (RUN from --list, or a prefix of it); its jobs stay in the ledger.")
    String drop;

    @Override
    int execute() {
        Ledger ledger = context().ledger(global());
        List<RunRecord> records = ledger.unfinishedRunRecords();
        if (list) {
            for (RunRecord r : records) {
                out().println(r.batchKey().substring(0, SHORT_KEY) + "  "
                        + TIME.format(Instant.ofEpochMilli(r.startedAt())) + "  sora " + String.join(" ", args(r)));
            }
            out().flush();
            if (records.isEmpty()) {
                info("Nothing to resume: every create-batch run has finished.");
            }
            return ExitCodes.OK;
        }
        if (drop != null) {
            String prefix = drop.strip().toLowerCase(Locale.ROOT);
            List<RunRecord> matches = prefix.isEmpty()
                    ? List.of()
                    : records.stream()
                            .filter(r -> r.batchKey().startsWith(prefix))
                            .toList();
            if (matches.size() != 1) {
                throw new InvalidRequestException(
                        null,
                        "--drop " + drop + ": " + (matches.isEmpty() ? "no" : matches.size())
                                + " unfinished run(s) match; see `sora resume --list` for the RUN column.");
            }
            ledger.forgetRun(matches.get(0).batchKey());
            info("Dropped run " + matches.get(0).batchKey().substring(0, SHORT_KEY) + " (sora "
                    + String.join(" ", args(matches.get(0))) + "); its jobs stay in the ledger.");
            return ExitCodes.OK;
        }
        List<LedgerEntry> unanswered = ledger.list("unknown", 1000).stream()
                .filter(e -> e.batchKey() == null)
                .toList();
        for (LedgerEntry e : unanswered) {
            warn("job @" + e.seq() + " (" + e.kind() + ", " + e.prompt() + ") got no answer; check `sora list` before "
                    + "sending it again.");
        }
        int worst = ExitCodes.OK;
        worst = Math.max(worst, new DownloadResumer(context(), global(), this).resume());
        if (records.isEmpty()) {
            info("Nothing to resume: every create-batch run has finished.");
            return worst;
        }
        for (RunRecord run : records) {
            List<String> args = args(run);
            info("Resuming: sora " + String.join(" ", args));
            context().resetClient();
            int code = Sora.commandLine(context()).execute(args.toArray(String[]::new));
            worst = Math.max(worst, code);
        }
        return worst;
    }

    @SuppressWarnings("unchecked")
    private static List<String> args(RunRecord run) {
        return (List<String>) Json.parse(run.args()).get("args");
    }
}
