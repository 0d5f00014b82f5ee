package dev.sora4j;

import dev.sora4j.client.AuthHeader;
import dev.sora4j.client.GatewaySettings;
import dev.sora4j.client.OpenAiVideoGateway;
import dev.sora4j.client.VideoGateway;
import dev.sora4j.config.Settings;
import dev.sora4j.model.Character;
import dev.sora4j.model.CharacterRequest;
import dev.sora4j.model.DeletedVideo;
import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.RemixRequest;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoPage;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.pipeline.DownloadResult;
import dev.sora4j.pipeline.Downloader;
import dev.sora4j.pipeline.ExtensionChains;
import dev.sora4j.pipeline.PollListener;
import dev.sora4j.pipeline.PollOptions;
import dev.sora4j.pipeline.Poller;
import dev.sora4j.pipeline.Sleeper;
import dev.sora4j.rules.Profile;
import dev.sora4j.rules.VideoRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The sora4j library's entry point: validated create, edit, extend, remix, characters, retrieve, list,
 * delete, wait and download
 against any server that speaks the Videos API.
 *
 * <pre>{@code
 * try (SoraClient sora = SoraClient.builder().fromEnv().profile(Profile.GUIDE).build()) {
 *     VideoJob job = sora.create(VideoRequest.builder().prompt("A paper boat on a pond").seconds(8).build());
 *     VideoJob done = sora.waitFor(job.id(), PollOptions.defaults(), j -> log(j.progress()));
 *     sora.download(done.id(), Variant.VIDEO, Path.of("boat.mp4"), false);
 * }
 * }</pre>
 */
public final class SoraClient implements AutoCloseable {
    private final VideoGateway gateway;
    private final VideoRules rules;
    private final Poller poller;
    private final Downloader downloader;
    private final ExtensionChains chains;

    private SoraClient(VideoGateway gateway, VideoRules rules, Clock clock, Sleeper sleeper, ExtensionChains chains) {
        this.gateway = gateway;
        this.rules = rules;
        this.chains = chains;
        this.poller = new Poller(gateway, clock, sleeper);
        this.downloader = new Downloader(gateway);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Validates under the client's profile (filling defaults), then creates the job. */
    public VideoJob create(VideoRequest request) {
        return gateway.create(rules.validate(request));
    }

    /** Edits a generated video by id, or an uploaded MP4 (which needs a model). */
    public VideoJob edit(EditRequest request) {
        return gateway.edit(rules.validateEdit(request));
    }

    /**
     * Extends a completed video. Except under {@link Profile#OPEN}, the source is fetched first: it
     * must be completed, and the chain limits (six extensions, 120 s) are checked before sending.
     */
    public VideoJob extend(ExtendRequest request) {
        ExtendRequest r = rules.validateExtend(request);
        int behind = chains.extensionsBehind(r.videoId());
        if (rules.profile() != Profile.OPEN) {
            VideoJob source = gateway.retrieve(r.videoId());
            if (!source.status().isCompleted()) {
                throw new InvalidRequestException("id", "video " + r.videoId() + " is " + source.status().value()
                        + "; only a completed video can be extended (wait with `sora poll --id " + r.videoId() + "`).");
            }
            rules.checkChain(r.videoId(), behind, source.seconds(), r.seconds());
        }
        VideoJob job = gateway.extend(r);
        chains.recordExtension(job.id(), r.videoId());
        return job;
    }

    /** The legacy remix endpoint; prefer {@link #edit}. */
    public VideoJob remix(RemixRequest request) {
        return gateway.remix(rules.validateRemix(request));
    }

    public Character createCharacter(CharacterRequest request) {
        return gateway.createCharacter(rules.validateCharacter(request));
    }

    public Character retrieveCharacter(String characterId) {
        if (characterId == null || characterId.isBlank()) {
            throw new InvalidRequestException("id", "id is empty; pass the character id, e.g. --id char_...");
        }
        return gateway.retrieveCharacter(characterId.strip());
    }

    public VideoJob retrieve(String videoId) {
        return gateway.retrieve(requireId(videoId));
    }

    public VideoPage list(ListQuery query) {
        return gateway.list(query);
    }

    /** Every job, page after page ({@code after} = the previous page's last id). */
    public Iterable<VideoJob> listAll(Integer pageSize, String order) {
        return () -> new Iterator<>() {
            private VideoPage page = gateway.list(new ListQuery(pageSize, order, null));
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.data().size()) {
                    if (!page.hasMore() || page.lastId() == null || page.data().isEmpty()) {
                        return false;
                    }
                    page = gateway.list(new ListQuery(pageSize, order, page.lastId()));
                    index = 0;
                }
                return true;
            }

            @Override
            public VideoJob next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.data().get(index++);
            }
        };
    }

    public DeletedVideo delete(String videoId) {
        return gateway.delete(requireId(videoId));
    }

    /** Waits until the job is terminal; see {@link Poller#waitFor}. */
    public VideoJob waitFor(String videoId, PollOptions options, PollListener listener) {
        return poller.waitFor(requireId(videoId), options, listener);
    }

    /** Downloads one asset; an existing {@code target} is replaced only with {@code force}. */
    public DownloadResult download(String videoId, Variant variant, Path target, boolean force) {
        return downloader.download(requireId(videoId), variant, target, force);
    }

    public VideoRules rules() {
        return rules;
    }

    @Override
    public void close() {
        gateway.close();
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidRequestException("id", "id is empty; pass the video id, e.g. --id video_...");
        }
        return id.strip();
    }

    /** Configures a {@link SoraClient}; {@link #fromEnv()} reads OPENAI_API_KEY, OPENAI_BASE_URL and SORA4J_PROFILE. */
    public static final class Builder {
        private String baseUrl = GatewaySettings.DEFAULT_BASE_URL;
        private String apiKey;
        private AuthHeader authHeader = AuthHeader.BEARER;
        private Profile profile = Profile.GUIDE;
        private int maxRetries = 2;
        private Duration timeout = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private VideoGateway gateway;
        private ExtensionChains chains = ExtensionChains.inMemory();

        public Builder fromEnv() {
            return fromSettings(Settings.fromProcess());
        }

        public Builder fromSettings(Settings settings) {
            settings.get(Settings.Key.API_KEY).ifPresent(this::apiKey);
            settings.get(Settings.Key.BASE_URL).ifPresent(this::baseUrl);
            settings.get(Settings.Key.PROFILE).map(Profile::parse).ifPresent(this::profile);
            settings.get(Settings.Key.AUTH_HEADER).map(AuthHeader::parse).ifPresent(this::authHeader);
            chains = ExtensionChains.inFile(settings.home().resolve("extension-chains.json"));
            return this;
        }

        public Builder baseUrl(String value) {
            this.baseUrl = Objects.requireNonNull(value, "baseUrl");
            return this;
        }

        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        public Builder authHeader(AuthHeader value) {
            this.authHeader = Objects.requireNonNull(value);
            return this;
        }

        public Builder profile(Profile value) {
            this.profile = Objects.requireNonNull(value);
            return this;
        }

        public Builder maxRetries(int value) {
            this.maxRetries = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** Where extension chains are remembered; {@link #fromSettings} uses a file in the sora4j home. */
        public Builder extensionChains(ExtensionChains value) {
            this.chains = Objects.requireNonNull(value);
            return this;
        }

        /** Replaces the SDK-backed gateway (for tests and alternative transports). */
        public Builder gateway(VideoGateway value) {
            this.gateway = value;
            return this;
        }

        /** @throws ConfigException when no API key is configured and no gateway was given */
        public SoraClient build() {
            VideoGateway gw = gateway;
            if (gw == null) {
                if (apiKey == null || apiKey.isBlank()) {
                    throw new ConfigException("OPENAI_API_KEY is not set. Export it, or pass --offline to use the "
                            + "local emulator.");
                }
                gw = new OpenAiVideoGateway(new GatewaySettings(stripTrailingSlash(baseUrl), apiKey, authHeader,
                        maxRetries, timeout));
            }
            return new SoraClient(gw, VideoRules.of(profile), clock, sleeper, chains);
        }

        private static String stripTrailingSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
