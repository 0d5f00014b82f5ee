package dev.sora4j.cli;

import dev.sora4j.config.Redact;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.ledger.JdbcLedger;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.LedgerStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = JobsCommand.Show.class,
        description = {
            "List the job ledger: every create, edit, extend, remix and character this machine sent,",
            "with its id, status, estimated cost and download. Newest first; #N works as --id @N.",
            "",
            "Examples:",
            "  sora jobs --status in_progress --limit 20",
            "  sora jobs show @last"
        })
final class JobsCommand extends BaseCommand {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    @Option(
            names = "--status",
            paramLabel = "S",
            description = "Only jobs with this status (e.g. completed, failed, unknown).")
    String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N jobs (default 20).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    int execute() {
        if (limit < 1) {
            throw new InvalidRequestException(null, "--limit must be at least 1, got " + limit);
        }
        List<LedgerEntry> entries = context().ledger(global()).list(status, limit);
        if (json) {
            printValue(entries.stream().map(JobsCommand::wire).toList());
            return ExitCodes.OK;
        }
        out().printf(
                        Locale.ROOT,
                        "%-5s %-10s %-12s %4s  %-11s %-9s %3s %8s  %-16s %s%n",
                        "#",
                        "KIND",
                        "STATUS",
                        "%",
                        "MODEL",
                        "SIZE",
                        "S",
                        "EST.USD",
                        "CREATED",
                        "ID");
        for (LedgerEntry e : entries) {
            out().printf(
                            Locale.ROOT,
                            "%-5s %-10s %-12s %4d  %-11s %-9s %3s %8s  %-16s %s%n",
                            "@" + e.seq(),
                            e.kind(),
                            e.status(),
                            e.progress(),
                            dash(e.model()),
                            dash(e.size()),
                            dash(e.seconds()),
                            // Refused and never-sent entries created nothing: they count as 0.
                            e.estimatedCost() == null ? "-" : String.format(Locale.ROOT, "%.2f", LedgerStatus.spend(e)),
                            TIME.format(Instant.ofEpochMilli(e.createdAt())),
                            e.videoId() == null ? "-" : e.videoId());
        }
        out().flush();
        if (entries.isEmpty()) {
            info("The ledger " + context().ledger(global()).location() + " has no jobs"
                    + (status == null ? "" : " with status " + status) + ".");
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> wire(LedgerEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("kind", e.kind());
        m.put("id", e.videoId());
        m.put("status", e.status());
        m.put("progress", e.progress());
        m.put("error", e.error());
        m.put("model", e.model());
        m.put("size", e.size());
        m.put("seconds", e.seconds());
        m.put("prompt", e.prompt());
        m.put("estimated_cost_usd", e.estimatedCost());
        m.put("profile", e.profile());
        m.put("base_url", Redact.baseUrl(e.baseUrl()));
        m.put("request_sha256", e.requestHash());
        m.put("batch_line", e.batchLine() == 0 ? null : e.batchLine());
        m.put("created_at", Instant.ofEpochMilli(e.createdAt()).toString());
        m.put("updated_at", Instant.ofEpochMilli(e.updatedAt()).toString());
        m.put("download_path", e.downloadPath());
        m.put("download_bytes", e.downloadSize());
        m.put("download_sha256", e.downloadSha256());
        return m;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {"Print one ledger entry and its history.", "", "Example:", "  sora jobs show @3"})
    static final class Show implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        JobsCommand parent;

        @Parameters(paramLabel = "REF", description = "A video id, @last or @N.")
        String ref;

        @Override
        public Integer call() {
            JdbcLedger ledger = parent.context().ledger(parent.global());
            LedgerEntry e = (ref.strip().equals("@last")
                            ? ledger.list(null, 1).stream().findFirst()
                            : ledger.find(ref))
                    .orElseThrow(() -> new InvalidRequestException(
                            null, "jobs show " + ref + ": no such job in the ledger (see `sora jobs`)."));
            Map<String, Object> m = wire(e);
            m.put("params", Json.parse(e.params()));
            m.put("events", ledger.events(e.seq()));
            parent.printValue(m);
            return ExitCodes.OK;
        }
    }
}
