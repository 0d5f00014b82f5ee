package dev.sora4j.providers;

import dev.sora4j.model.Variant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a provider serves {@code GET /videos/{id}/content} (providers.md §0 knob 8).
 *
 * @param variantParam the route reads {@code ?variant=} (OpenAI, Azure); servers that ignore it are
 *     not sent it
 * @param indexParam the route selects one of several outputs with {@code ?index=} (OpenRouter, §6)
 * @param signedUrls the job answer also carries credential-free URLs that expire (OpenRouter
 *     {@code urls}, SGLang's cloud {@code url}, new-api {@code metadata.url}); the route stays the
 *     first choice, a signed URL the fallback
 */
public record ContentPolicy(boolean variantParam, boolean indexParam, boolean signedUrls) {

    /**
     * The plan for one variant.
     *
     * @param providerName the provider's name, for refusal messages
     * @param videoId the job id whose content is wanted
     * @param variant the variant to get
     * @param support the provider's support for this variant's download feature
     * @param derive whether the user allowed a locally derived thumbnail/spritesheet ({@code --derive})
     * @return a fetch, a local derivation, or a refusal
     */
    public ContentPlan plan(String providerName, String videoId, Variant variant, Support support, boolean derive) {
        String what = variant.wireName();
        switch (support.level()) {
            case UNSUPPORTED -> {
                return new ContentPlan.Refuse("provider " + providerName + " does not support downloading the " + what
                        + ": " + support.note());
            }
            case DERIVED -> {
                if (derive) {
                    return new ContentPlan.Derive(Variant.VIDEO, variant);
                }
                // sora4j does not derive images itself (the core has no media encoder): say how to.
                return new ContentPlan.Refuse("provider " + providerName + " serves no " + what
                        + " (asking would return the MP4, so sora4j does not ask); download --variant video and make the "
                        + what + " from it locally, e.g. ffmpeg -i video.mp4 -frames:v 1 " + what + ".jpg");
            }
            default -> {
                Map<String, String> query = new LinkedHashMap<>();
                if (variantParam) {
                    query.put("variant", variant.wireName());
                }
                if (indexParam) {
                    query.put("index", "0");
                }
                boolean check = support.level() == Support.Level.UNVERIFIED || variant != Variant.VIDEO;
                return new ContentPlan.Fetch("videos/" + IdPolicy.pathSegment(videoId) + "/content", query, check);
            }
        }
    }
}
