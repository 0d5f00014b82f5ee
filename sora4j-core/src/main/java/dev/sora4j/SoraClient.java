package dev.sora4j;

import dev.sora4j.client.AuthHeader;
import dev.sora4j.client.GatewaySettings;
import dev.sora4j.client.NeverSent;
import dev.sora4j.client.OpenAiVideoGateway;
import dev.sora4j.client.VideoGateway;
import dev.sora4j.client.WireJson;
import dev.sora4j.client.WireRequest;
import dev.sora4j.client.WireRequests;
import dev.sora4j.config.Settings;
import dev.sora4j.ledger.Intent;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.model.Character;
import dev.sora4j.model.CharacterRequest;
import dev.sora4j.model.DeletedVideo;
import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.RemixRequest;
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
import dev.sora4j.pipeline.TruncatedDownloadException;
import dev.sora4j.rules.PriceTable;
import dev.sora4j.rules.Profile;
import dev.sora4j.rules.VideoRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The sora4j library's entry point: validated create, edit, extend, remix, characters, retrieve, list,
 * delete, wait and download
 * against any server that speaks the Videos API.
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
    private final Ledger ledger;
    private final PriceTable prices;
    private final String baseUrl;

    private SoraClient(
            VideoGateway gateway,
            VideoRules rules,
            Clock clock,
            Sleeper sleeper,
            ExtensionChains chains,
            Ledger ledger,
            PriceTable prices,
            String baseUrl) {
        this.gateway = gateway;
        this.rules = rules;
        this.chains = chains;
        this.ledger = ledger;
        this.prices = prices;
        this.baseUrl = baseUrl;
        this.poller = new Poller(gateway, clock, sleeper);
        this.downloader = new Downloader(gateway);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Validates under the client's profile (filling defaults), then creates the job. */
    public VideoJob create(VideoRequest request) {
        return create(request, null, 0);
    }

    /** A create that belongs to line {@code batchLine} of a create-batch run, as the ledger records it. */
    public VideoJob create(VideoRequest request, String batchKey, int batchLine) {
        VideoRequest r = rules.validate(request);
        Intent intent = intent(
                        "create", WireRequests.create(r), r.prompt(), r.model(), r.size(), r.seconds(), estimate(r))
                .withBatch(batchKey, batchLine);
        return recorded(intent, () -> gateway.create(r));
    }

    /** The sha256 the ledger records for this create once validated: the same request always has the same hash. */
    public String requestHash(VideoRequest request) {
        return WireJson.sha256(WireJson.canonical(WireRequests.create(rules.validate(request))));
    }

    /** The estimated USD cost of a create, if the price table knows the model. */
    public Optional<Double> estimate(VideoRequest request) {
        VideoRequest r =
                request.withDefaults(VideoRules.DEFAULT_MODEL, VideoRules.DEFAULT_SIZE, VideoRules.DEFAULT_SECONDS);
        return prices.estimate(r.model(), r.size(), r.seconds());
    }

    /** Edits a generated video by id, or an uploaded MP4 (which needs a model). */
    public VideoJob edit(EditRequest request) {
        EditRequest r = rules.validateEdit(request);
        return recorded(
                intent("edit", WireRequests.edit(r), r.prompt(), r.model(), null, null, Optional.empty()),
                () -> gateway.edit(r));
    }

    /**
     * Extends a completed video. Except under {@link Profile#OPEN}, the source is fetched first: it
     * must be completed, and the chain limits (six extensions, 120 s) are checked before sending.
     */
    public VideoJob extend(ExtendRequest request) {
        ExtendRequest r = rules.validateExtend(request);
        int behind = chains.extensionsBehind(r.videoId());
        Optional<Double> cost = Optional.empty();
        if (rules.profile() != Profile.OPEN) {
            VideoJob source = gateway.retrieve(r.videoId());
            if (!source.status().isCompleted()) {
                throw new InvalidRequestException(
                        "id",
                        "video " + r.videoId() + " is " + source.status().value()
                                + "; only a completed video can be extended (wait with `sora poll --id " + r.videoId()
                                + "`).");
            }
            rules.checkChain(r.videoId(), behind, source.seconds(), r.seconds());
            cost = prices.estimate(source.model(), source.size(), r.seconds());
        }
        // Billed by the new segment's seconds (the guide's reading; not separately documented).
        Intent intent = intent("extend", WireRequests.extend(r), r.prompt(), null, null, r.seconds(), cost);
        VideoJob job = recorded(intent, () -> gateway.extend(r));
        chains.recordExtension(job.id(), r.videoId());
        return job;
    }

    /** The legacy remix endpoint; prefer {@link #edit}. */
    public VideoJob remix(RemixRequest request) {
        RemixRequest r = rules.validateRemix(request);
        return recorded(
                intent("remix", WireRequests.remix(r), r.prompt(), null, null, null, Optional.empty()),
                () -> gateway.remix(r));
    }

    public Character createCharacter(CharacterRequest request) {
        CharacterRequest r = rules.validateCharacter(request);
        Intent intent =
                intent("character", WireRequests.createCharacter(r), r.name(), null, null, null, Optional.empty());
        long seq = ledger.intent(intent);
        try {
            Character c = gateway.createCharacter(r);
            ledger.created(seq, c.id(), "created");
            return c;
        } catch (ApiException e) {
            fail(seq, e);
            throw e;
        }
    }

    /** The ledger this client records into ({@link Ledger#none()} unless configured). */
    public Ledger ledger() {
        return ledger;
    }

    public PriceTable prices() {
        return prices;
    }

    private Intent intent(
            String kind,
            WireRequest wire,
            String prompt,
            String model,
            String size,
            String seconds,
            Optional<Double> cost) {
        String params = WireJson.canonical(wire);
        return new Intent(
                kind,
                WireJson.sha256(params),
                params,
                prompt,
                model,
                size,
                seconds,
                rules.profile().id(),
                baseUrl,
                cost.orElse(null),
                null,
                0);
    }

    /** Writes the intent first, sends, then records the id, or why nothing (or maybe something) was created. */
    private VideoJob recorded(Intent intent, java.util.function.Supplier<VideoJob> send) {
        long seq = ledger.intent(intent);
        try {
            VideoJob job = send.get();
            ledger.created(seq, job.id(), job.status().value());
            return job;
        } catch (ApiException e) {
            fail(seq, e);
            throw e;
        }
    }

    /**
     * No answer or a server error may still have created the job; a 4xx (or 429) created nothing, and
     * neither did a request that never got a connection.
     */
    private void fail(long seq, ApiException e) {
        String what = (e.status() == 0 ? "no response" : "HTTP " + e.status()) + ": " + e.getMessage();
        if (e.status() == 0 && NeverSent.neverLeft(e)) {
            ledger.notSent(seq, "not sent: " + e.getMessage());
        } else if (e.status() == 0 || e.status() >= 500) {
            ledger.uncertain(seq, what);
        } else {
            ledger.refused(seq, what);
        }
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

    /** The server's last {@code openai-poll-after-ms} hint for a job, if it sent one. */
    public Optional<java.time.Duration> pollAfter(String videoId) {
        return gateway.pollAfter(videoId);
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

    /** Waits until the job is terminal; see {@link Poller#waitFor}. Every status seen goes to the ledger. */
    public VideoJob waitFor(String videoId, PollOptions options, PollListener listener) {
        VideoJob done = poller.waitFor(requireId(videoId), options, new PollListener() {
            @Override
            public void onUpdate(VideoJob job) {
                ledger.status(job);
                listener.onUpdate(job);
            }

            @Override
            public void onUnknownStatus(VideoJob job) {
                listener.onUnknownStatus(job);
            }
        });
        return done;
    }

    /** Downloads one asset; an existing {@code target} is replaced only with {@code force}. Videos are recorded in the ledger. */
    public DownloadResult download(String videoId, Variant variant, Path target, boolean force) {
        String id = requireId(videoId);
        // Marked first, so a download cut by Ctrl-C or a kill is finished by `sora resume`.
        ledger.downloadStarted(id, variant.wireName(), target);
        DownloadResult result;
        try {
            result = downloader.download(id, variant, target, force);
        } catch (TruncatedDownloadException e) {
            throw e; // Its part file is kept: left pending for resume.
        } catch (RuntimeException e) {
            ledger.downloadEnded(id, variant.wireName(), target);
            throw e;
        }
        if (variant == Variant.VIDEO) {
            ledger.downloaded(id, result.path(), result.bytes(), result.sha256());
        }
        ledger.downloadEnded(id, variant.wireName(), target);
        return result;
    }

    public VideoRules rules() {
        return rules;
    }

    /** Closes the connection pool; the ledger stays open (whoever opened it closes it). */
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
        private Ledger ledger = Ledger.none();
        private PriceTable prices = PriceTable.defaults();
        private dev.sora4j.client.ResponseObserver observer = dev.sora4j.client.ResponseObserver.NONE;

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

        /** Where intents, ids, statuses and downloads are recorded; the caller keeps ownership and closes it. */
        public Builder ledger(Ledger value) {
            this.ledger = Objects.requireNonNull(value);
            return this;
        }

        /** Hears every POST's status and headers (a shared rate limiter follows x-ratelimit-* through it). */
        public Builder responseObserver(dev.sora4j.client.ResponseObserver value) {
            this.observer = Objects.requireNonNull(value);
            return this;
        }

        public Builder prices(PriceTable value) {
            this.prices = Objects.requireNonNull(value);
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
                    throw new ConfigException(
                            "OPENAI_API_KEY is not set. Export it, or pass --offline to use the " + "local emulator.");
                }
                gw = new OpenAiVideoGateway(new GatewaySettings(
                        stripTrailingSlash(baseUrl), apiKey, authHeader, maxRetries, timeout, observer));
            }
            return new SoraClient(
                    gw, VideoRules.of(profile), clock, sleeper, chains, ledger, prices, stripTrailingSlash(baseUrl));
        }

        private static String stripTrailingSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
