package dev.sora4j.internal.wire;

import dev.sora4j.model.VideoRequest;
import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import dev.sora4j.providers.request.CreateSpec;
import dev.sora4j.providers.request.WireCreate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A prepared create as the configured provider receives it: the ledger hashes {@link #wire()} and
 * {@code --dry-run} prints {@link #preview()}. OpenAI's protocol keeps {@link WireRequests#create};
 * other providers get their profile's encoding (field names, JSON or multipart).
 *
 * @param wire the request, for hashing and the ledger
 * @param preview what a dry run shows, including the content type actually sent
 */
public record ProviderWire(WireRequest wire, Map<String, Object> preview) {
    /**
     * The create for a provider.
     *
     * @param provider the profile
     * @param prepared the request after the profile's {@code prepareCreate}
     * @return its wire form
     */
    public static ProviderWire create(ProviderProfile provider, VideoRequest prepared) {
        if (provider.name().equals(Providers.DEFAULT)) {
            WireRequest w = WireRequests.create(prepared);
            return new ProviderWire(w, w.preview());
        }
        WireCreate wc = provider.encodeCreate(CreateSpec.from(prepared, prepared.extras()));
        Map<String, Object> fields = new LinkedHashMap<>(wc.fields());
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("provider", provider.name());
        preview.putAll(wc.preview());
        return new ProviderWire(new WireRequest("POST", wc.path(), fields, wc.files()), preview);
    }
}
