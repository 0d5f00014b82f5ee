package dev.sora4j.cli;

import dev.sora4j.model.VideoRequest;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;

/** The flags of {@code create} (shared with {@code create-and-poll}): prompt, video fields, dry run. */
final class CreateOptions {
    @Mixin
    PromptOptions prompt;

    @Mixin
    VideoOptions video;

    @Mixin
    DryRunOption dryRun;

    VideoRequest toRequest(UnaryOperator<VideoRequest> validator, Consumer<String> warn) {
        return validator.apply(video.toRequest(prompt.build(warn)));
    }
}
