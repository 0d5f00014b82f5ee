package dev.sora4j.cli;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.VideoPage;
import dev.sora4j.rules.Ids;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "List recent video jobs, one page at a time.",
            "",
            "Example:",
            "  sora list --limit 10 --order desc",
            "  sora list --after video_123   # the next page"
        })
final class ListCommand extends BaseCommand {
    @Option(names = "--limit", paramLabel = "N", description = "Page size, 1-100 (server default 20).")
    Integer limit;

    @Option(names = "--order", paramLabel = "asc|desc", description = "Sort by creation time (server default desc).")
    String order;

    @Option(
            names = "--after",
            paramLabel = "VIDEO_ID",
            description = "Start after this id (the previous page's last_id).")
    String after;

    @Option(names = "--before", hidden = true)
    String before;

    @Mixin
    JsonOutOption json;

    @Mixin
    ForceOption overwrite;

    @Override
    int execute() {
        if (before != null) {
            throw new InvalidRequestException(
                    null, "--before is not supported by the Videos API. Use --after for pagination.");
        }
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new InvalidRequestException(null, "--limit must be between 1 and 100, got " + limit);
        }
        String o = order == null ? null : order.strip().toLowerCase(Locale.ROOT);
        if (o != null && !o.equals("asc") && !o.equals("desc")) {
            throw new InvalidRequestException(null, "--order must be one of: asc, desc (got '" + order + "')");
        }
        String from = after == null ? null : Ids.check("--after", after);
        VideoPage page = client().list(new ListQuery(limit, o, from));
        printJson(page.json());
        writeJsonOut(json.path("list.json"), page.json());
        if (page.hasMore()) {
            info("More videos: run again with --after " + page.lastId());
        }
        return ExitCodes.OK;
    }
}
