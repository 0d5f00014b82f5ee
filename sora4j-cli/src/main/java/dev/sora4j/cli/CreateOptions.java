package dev.sora4j.cli;

import dev.sora4j.model.VideoRequest;
import dev.sora4j.rules.VideoRules;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;

/** The flags of {@code create} (shared with {@code create-and-poll}): prompt, video fields, dry run. */
final class CreateOptions {
    @Mixin
    PromptOptions prompt;

    @Mixin
    VideoOptions video;

    @Mixin
    DryRunOption dryRun;

    VideoRequest toRequest(VideoRules rules, Consumer<String> warn) {
        return rules.validate(video.toRequest(prompt.build(warn)));
    }
}
