package dev.sora4j;

import dev.sora4j.config.Redact;
import dev.sora4j.config.Settings;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.JobFailedException;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.errors.TruncatedDownloadException;
import dev.sora4j.errors.WaitTimeoutException;
import dev.sora4j.guard.GuardText;
import dev.sora4j.guard.Guardrails;
import dev.sora4j.guard.Verdict;
import dev.sora4j.internal.Arguments;
import dev.sora4j.internal.Sha256;
import dev.sora4j.internal.calls.CallRecorder;
import dev.sora4j.internal.calls.CharacterNames;
import dev.sora4j.internal.calls.LedgerChains;
import dev.sora4j.internal.calls.PaidCall;
import dev.sora4j.internal.calls.Poller;
import dev.sora4j.internal.calls.RateGate;
import dev.sora4j.internal.calls.Sent;
import dev.sora4j.internal.calls.SourceCosts;
import dev.sora4j.internal.calls.VideoPages;
import dev.sora4j.internal.files.Downloader;
import dev.sora4j.internal.openai.GatewaySettings;
import dev.sora4j.internal.openai.OpenAiBatchGateway;
import dev.sora4j.internal.openai.VideoGateways;
import dev.sora4j.internal.wire.ProviderWire;
import dev.sora4j.internal.wire.WireJson;
import dev.sora4j.internal.wire.WireRequest;
import dev.sora4j.internal.wire.WireRequests;
import dev.sora4j.ledger.Intent;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.LedgerStatus;
import dev.sora4j.ledger.Reconciliation;
import dev.sora4j.model.Character;
import dev.sora4j.model.CharacterRequest;
import dev.sora4j.model.DeletedVideo;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.RemixRequest;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoPage;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.options.AuthHeader;
import dev.sora4j.options.ExtensionChains;
import dev.sora4j.options.PollListener;
import dev.sora4j.options.PollOptions;
import dev.sora4j.options.RequestGate;
import dev.sora4j.options.ResponseObserver;
import dev.sora4j.options.SendOptions;
import dev.sora4j.options.Sleeper;
import dev.sora4j.preflight.FaceCheck;
import dev.sora4j.preflight.InputPreflight;
import dev.sora4j.providers.Auth;
import dev.sora4j.providers.ContentPlan;
import dev.sora4j.providers.Feature;
import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import dev.sora4j.providers.UnsupportedFeatureException;
import dev.sora4j.providers.request.CreateSpec;
import dev.sora4j.rules.PriceTable;
import dev.sora4j.rules.Profile;
import dev.sora4j.rules.VideoRules;
import dev.sora4j.spi.BatchApiGateway;
import dev.sora4j.spi.VideoGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sora4j library's entry point: validated create, edit, extend, remix, characters, retrieve,
 * list, delete, wait and download against any server that speaks the Videos API.
 *
 * <p>Every paid call (create, edit, extend, remix, character) takes one road: validated under the
 * client's {@link Profile}, estimated with its {@link PriceTable}, written to its {@link Ledger} as
 * an intent, spaced by its rate limit, sent, and its answer recorded. A dry run gets the same
 * request from {@link #preview(VideoRequest)} and its siblings without sending anything.
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
    private final ProviderProfile provider;
    /** Why a preview-only client cannot send (no base URL for its provider), or null. */
    private final ConfigException unusable;

    private final Clock clock;
    private final Sleeper sleeper;
    private final CallRecorder calls;
    private final Guardrails guardrails;
    private final InputPreflight media;
    private final CharacterNames characterNames;
    private final SourceCosts sourceCosts;
    private final Supplier<BatchApiGateway> batchGatewayFactory;
    private final String rateLimitKey;
    private BatchApiGateway batchGateway;

    private SoraClient(
            Builder b, VideoGateway gateway, RateGate gate, Supplier<BatchApiGateway> batchGateways, String key) {
        this.batchGatewayFactory = batchGateways;
        this.rateLimitKey = b.provider.name() + " " + Redact.baseUrl(b.baseUrl) + " key "
                + (key == null || key.isEmpty() ? "-" : Sha256.of(key).substring(0, 12));
        this.gateway = gateway;
        this.rules = VideoRules.of(b.profile);
        this.chains = b.chains;
        this.ledger = b.ledger;
        this.prices = b.prices;
        this.baseUrl = b.baseUrl;
        this.provider = b.provider;
        this.unusable = b.unusable;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.poller = new Poller(gateway, b.clock, b.sleeper);
        this.downloader = new Downloader(gateway);
        this.guardrails = b.guardrails == null ? Guardrails.defaults() : b.guardrails;
        this.calls = new CallRecorder(b.ledger, gate, b.sleeper, gateway, guardrails, b.requestGate, rateLimitKey);
        this.characterNames = new CharacterNames(
                b.ledger, id -> service().retrieveCharacter(id).name());
        this.media = new InputPreflight(b.faces == null ? FaceCheck.discover() : b.faces);
        this.sourceCosts = new SourceCosts(b.ledger, b.prices, id -> service().retrieve(id));
    }

    /**
     * Starts configuring a client.
     *
     * @return a builder with the defaults: OpenAI's base URL, the guide profile, no ledger
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates under the client's profile (filling defaults), records the intent, then creates the job.
     *
     * @param request what to create
     * @return the new job as the service answered
     * @throws InvalidRequestException when the request breaks a rule (nothing is sent)
     * @throws ApiException when the service refused or failed the request, or could not be reached
     */
    public VideoJob create(VideoRequest request) {
        return create(request, SendOptions.once()).job();
    }

    /**
     * A create sent with retries, a budget and a batch line, as a batch sends each job. When no
     * answer comes back but the job is found on the server, it is adopted instead of sent again.
     *
     * @param request what to create
     * @param options batch line, attempts, budget and retry listener
     * @return the job, or the adopted id, and how many requests were sent
     * @throws InvalidRequestException when the request breaks a rule or the budget would be exceeded
     * @throws ApiException when the last attempt failed
     * @throws SoraInterruptedException when interrupted between attempts
     */
    public CreateOutcome create(VideoRequest request, SendOptions options) {
        VideoRequest r = prepare(request);
        media.checkReference(r);
        if (!r.characterIds().isEmpty() && rules.profile() != Profile.OPEN) {
            characterNames.require(r.prompt(), r.characterIds());
        }
        Intent intent = intent(
                "create",
                ProviderWire.create(provider, r).wire(),
                r.prompt(),
                r.model(),
                r.size(),
                r.seconds(),
                estimate(r));
        Sent<VideoJob> sent = send(
                intent, () -> service().create(r), VideoJob::id, j -> j.status().value(), options);
        // A single create whose answer was lost but whose job was found and adopted: read the job.
        VideoJob job = sent.result() == null && options.batchKey() == null ? retrieve(sent.id()) : sent.result();
        return new CreateOutcome(job, sent.id(), sent.attempts(), sent.adopted());
    }

    /**
     * The sha256 the ledger records for this create once validated: the same request always has the same hash.
     *
     * @param request the create
     * @return hex sha256 of the request as sent
     * @throws InvalidRequestException when the request breaks a rule
     */
    public String requestHash(VideoRequest request) {
        return WireJson.sha256(WireJson.canonical(
                ProviderWire.create(provider, prepare(request)).wire()));
    }

    /**
     * Validates a create for this client's provider and profile: the provider's checks and defaults ({@link ProviderProfile#prepareCreate}: capabilities, its
     * model rules, typed extra fields), then the profile's: OpenAI's lists under guide/spec, only the
     * checks that hold everywhere under open (so no {@code sora-2} default reaches a server that
     * serves another model).
     *
     * @param request the create as given
     * @return the create as it will be sent (defaults filled, extras typed)
     * @throws InvalidRequestException naming the field, the provider and the fix; nothing is sent
     */
    public VideoRequest validate(VideoRequest request) {
        return prepare(request);
    }

    // One road for create, preview, hash and batch plans.
    private VideoRequest prepare(VideoRequest request) {
        boolean open = rules.profile() == Profile.OPEN;
        CreateSpec spec = provider.prepareCreate(CreateSpec.from(request, request.extras()), open);
        VideoRequest r = new VideoRequest(
                spec.prompt(),
                spec.model(),
                spec.size(),
                spec.seconds(),
                spec.reference(),
                spec.characterIds(),
                spec.extras());
        return open ? rules.validateAsGiven(r) : rules.validate(r);
    }

    /**
     * The estimated USD cost of a create, if the price table knows the model.
     *
     * @param request the create; absent values take the defaults
     * @return the estimate, rounded to cents
     */
    public Optional<Double> estimate(VideoRequest request) {
        VideoRequest r =
                request.withDefaults(VideoRules.DEFAULT_MODEL, VideoRules.DEFAULT_SIZE, VideoRules.DEFAULT_SECONDS);
        return prices.estimate(r.model(), r.size(), r.seconds());
    }

    /**
     * The create exactly as {@link #create(VideoRequest)} would send it, with its estimate; sends nothing.
     *
     * @param request the create
     * @return the preview
     * @throws InvalidRequestException when the request breaks a rule
     */
    public RequestPreview preview(VideoRequest request) {
        VideoRequest r = prepare(request);
        media.checkReference(r);
        return new RequestPreview(
                ProviderWire.create(provider, r).preview(), estimate(r).orElse(null), check(r.prompt()));
    }

    /**
     * The edit as {@link #edit(EditRequest)} would send it; sends nothing.
     *
     * @param request the edit
     * @return the preview (no estimate: the source's length is not known locally)
     * @throws InvalidRequestException when the request breaks a rule
     */
    public RequestPreview preview(EditRequest request) {
        provider.require(Feature.EDIT);
        EditRequest r = rules.validateEdit(request);
        return new RequestPreview(
                WireRequests.edit(r).preview(), editCost(r, false).orElse(null), check(r.prompt()));
    }

    /**
     * The extension as {@link #extend(ExtendRequest)} would send it; sends nothing and does not
     * fetch the source (so the chain limits are not checked).
     *
     * @param request the extension
     * @return the preview
     * @throws InvalidRequestException when the request breaks a rule
     */
    public RequestPreview preview(ExtendRequest request) {
        provider.require(Feature.EXTEND);
        ExtendRequest r = rules.validateExtend(request);
        return new RequestPreview(
                WireRequests.extend(r).preview(),
                sourceCosts.fromVideo(r.videoId(), r.seconds(), false).orElse(null),
                check(r.prompt()));
    }

    /**
     * The remix as {@link #remix(RemixRequest)} would send it; sends nothing.
     *
     * @param request the remix
     * @return the preview
     * @throws InvalidRequestException when the request breaks a rule
     */
    public RequestPreview preview(RemixRequest request) {
        provider.require(Feature.REMIX);
        RemixRequest r = rules.validateRemix(request);
        return new RequestPreview(
                WireRequests.remix(r).preview(),
                sourceCosts.fromVideo(r.videoId(), null, false).orElse(null),
                check(r.prompt()));
    }

    /**
     * The character upload as {@link #createCharacter(CharacterRequest)} would send it; sends nothing.
     *
     * @param request the character
     * @return the preview
     * @throws InvalidRequestException when the request breaks a rule
     */
    public RequestPreview preview(CharacterRequest request) {
        provider.require(Feature.CHARACTERS);
        CharacterRequest r = rules.validateCharacter(request);
        media.checkClip(r.videoFile());
        return new RequestPreview(WireRequests.createCharacter(r).preview(), null, guardrails.check("name", r.name()));
    }

    /**
     * The delete as {@link #delete(String)} would send it; sends nothing.
     *
     * @param videoId the video
     * @return the preview
     * @throws InvalidRequestException when the id is empty
     */
    public RequestPreview previewDelete(String videoId) {
        provider.require(Feature.DELETE);
        return new RequestPreview(
                WireRequests.delete(Arguments.id("id", videoId)).preview(), null);
    }

    /**
     * Edits a generated video by id, or an uploaded MP4 (which needs a model).
     *
     * @param request the edit
     * @return the new job
     * @throws InvalidRequestException when the request breaks a rule (nothing is sent)
     * @throws ApiException when the service refused or failed the request
     */
    public VideoJob edit(EditRequest request) {
        return edit(request, SendOptions.once());
    }

    /**
     * An edit sent as {@code options} say; with a {@link dev.sora4j.options.Budget} its estimate (the
     * source's length at its model's price) is checked first, and a source the ledger does not know is
     * fetched for it (a free GET).
     *
     * @param request the edit
     * @param options attempts and budget
     * @return the new job
     * @throws InvalidRequestException when the request breaks a rule or the budget would be exceeded
     *     (nothing is sent)
     * @throws ApiException when the service refused or failed the request
     */
    public VideoJob edit(EditRequest request, SendOptions options) {
        provider.require(Feature.EDIT);
        EditRequest r = rules.validateEdit(request);
        // Before the source is looked up: a refused prompt sends no request at all.
        guardrails.require(List.of(GuardText.of("prompt", r.prompt())));
        Intent intent = intent(
                "edit", WireRequests.edit(r), r.prompt(), r.model(), null, null, editCost(r, options.budget() != null));
        return send(
                        intent,
                        () -> service().edit(r),
                        VideoJob::id,
                        j -> j.status().value(),
                        options)
                .result();
    }

    private Optional<Double> editCost(EditRequest r, boolean mayAsk) {
        return r.videoId() != null
                ? sourceCosts.fromVideo(r.videoId(), null, mayAsk)
                : sourceCosts.fromUpload(r.videoFile(), r.model());
    }

    /**
     * Extends a completed video. Except under {@link Profile#OPEN}, the source is fetched first: it
     * must be completed, and the chain limits (six extensions, 120 s) are checked before sending.
     *
     * @param request the extension
     * @return the new job (its seconds are the stitched total)
     * @throws InvalidRequestException when the request or the chain breaks a rule (nothing is sent)
     * @throws ApiException when the service refused or failed a request
     */
    public VideoJob extend(ExtendRequest request) {
        return extend(request, SendOptions.once());
    }

    /**
     * An extension sent as {@code options} say; with a {@link dev.sora4j.options.Budget} its estimate
     * (the new segment at the source's model and size) is checked before anything is recorded.
     *
     * @param request the extension
     * @param options attempts and budget
     * @return the new job (its seconds are the stitched total)
     * @throws InvalidRequestException when the request, the chain or the budget refuses it (nothing is sent)
     * @throws ApiException when the service refused or failed a request
     */
    public VideoJob extend(ExtendRequest request, SendOptions options) {
        provider.require(Feature.EXTEND);
        ExtendRequest r = rules.validateExtend(request);
        // Before the source is fetched: a refused prompt sends no request at all.
        guardrails.require(List.of(GuardText.of("prompt", r.prompt())));
        // The chain file, else the ledger's extend entries: the API does not say how deep a chain is.
        int behind = Math.max(chains.extensionsBehind(r.videoId()), LedgerChains.extensionsBehind(ledger, r.videoId()));
        Optional<Double> cost;
        if (rules.profile() != Profile.OPEN) {
            VideoJob source = service().retrieve(r.videoId());
            if (!source.status().isCompleted()) {
                throw new InvalidRequestException(
                        "id",
                        "video " + r.videoId() + " is " + source.status().value()
                                + "; only a completed video can be extended (wait for it to complete first).");
            }
            rules.checkChain(r.videoId(), behind, source.seconds(), r.seconds());
            cost = prices.estimate(source.model(), source.size(), r.seconds());
        } else {
            cost = sourceCosts.fromVideo(r.videoId(), r.seconds(), options.budget() != null);
        }
        // Billed by the new segment's seconds (the guide's reading; not separately documented).
        Intent intent = intent("extend", WireRequests.extend(r), r.prompt(), null, null, r.seconds(), cost);
        VideoJob job = send(
                        intent,
                        () -> service().extend(r),
                        VideoJob::id,
                        j -> j.status().value(),
                        options)
                .result();
        chains.recordExtension(job.id(), r.videoId());
        return job;
    }

    /**
     * The legacy remix endpoint; prefer {@link #edit}.
     *
     * @param request the remix
     * @return the new job
     * @throws InvalidRequestException when the request breaks a rule (nothing is sent)
     * @throws ApiException when the service refused or failed the request
     */
    public VideoJob remix(RemixRequest request) {
        return remix(request, SendOptions.once());
    }

    /**
     * A remix sent as {@code options} say; with a {@link dev.sora4j.options.Budget} its estimate (the
     * source's length at its model's price) is checked first.
     *
     * @param request the remix
     * @param options attempts and budget
     * @return the new job
     * @throws InvalidRequestException when the request breaks a rule or the budget would be exceeded
     *     (nothing is sent)
     * @throws ApiException when the service refused or failed the request
     */
    public VideoJob remix(RemixRequest request, SendOptions options) {
        provider.require(Feature.REMIX);
        RemixRequest r = rules.validateRemix(request);
        guardrails.require(List.of(GuardText.of("prompt", r.prompt())));
        Intent intent = intent(
                "remix",
                WireRequests.remix(r),
                r.prompt(),
                null,
                null,
                null,
                sourceCosts.fromVideo(r.videoId(), null, options.budget() != null));
        return send(
                        intent,
                        () -> service().remix(r),
                        VideoJob::id,
                        j -> j.status().value(),
                        options)
                .result();
    }

    /**
     * Creates a reusable character from a short MP4 clip.
     *
     * @param request name and clip
     * @return the character
     * @throws InvalidRequestException when the request breaks a rule (nothing is sent)
     * @throws ApiException when the service refused or failed the request
     */
    public Character createCharacter(CharacterRequest request) {
        provider.require(Feature.CHARACTERS);
        CharacterRequest r = rules.validateCharacter(request);
        media.checkClip(r.videoFile());
        Intent intent =
                intent("character", WireRequests.createCharacter(r), r.name(), null, null, null, Optional.empty());
        return send(
                        intent,
                        () -> service().createCharacter(r),
                        Character::id,
                        c -> LedgerStatus.CREATED.value(),
                        SendOptions.once())
                .result();
    }

    /**
     * The guardrails' verdict on a prompt, as every paid call checks it before anything is recorded.
     *
     * @param prompt the text that would be sent, or null
     * @return the verdict; allowed when the text is null or blank
     */
    public Verdict check(String prompt) {
        return prompt == null ? Verdict.allowed() : guardrails.check("prompt", prompt);
    }

    /**
     * Checks a create's input reference file as {@link #create(VideoRequest)} would (type, size
     * against the validated size, faces), without sending anything; {@code JobsFile.requireAllowed}
     * runs it for every line of a batch.
     *
     * @param request the create as given
     * @throws InvalidRequestException when the request or its input reference would be refused
     */
    public void checkReference(VideoRequest request) {
        media.checkReference(prepare(request));
    }

    /**
     * The content rules this client applies.
     *
     * @return the guardrails
     */
    public Guardrails guardrails() {
        return guardrails;
    }

    /**
     * Finds out what became of creates that got no answer (a crash, a reset, a 5xx) before anything
     * is sent again, and records it: matching videos on the server are adopted, intents with nothing
     * on the server are marked safe to resend, and ambiguous ones are left to the user.
     *
     * @param uncertain ledger entries without an answer
     * @return the outcome per entry
     * @throws ApiException when the server's video list cannot be read
     */
    public Reconciliation reconcile(List<LedgerEntry> uncertain) {
        service();
        return calls.reconcile(uncertain);
    }

    /**
     * The provider profile this client speaks to.
     *
     * @return the profile ({@code openai} unless configured)
     */
    public ProviderProfile provider() {
        return provider;
    }

    /**
     * The base URL this client sends to (not redacted: print it through {@code Redact.baseUrl}).
     *
     * @return the base URL without a trailing slash
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Which rate limit this client's paid calls count against: provider, base URL (redacted) and the
     * first hex digits of the API key's SHA-256, never the key itself.
     *
     * @return the key of the limit
     */
    public String rateLimitKey() {
        return rateLimitKey;
    }

    /**
     * The ledger this client records into.
     *
     * @return the ledger ({@link Ledger#none()} unless configured)
     */
    public Ledger ledger() {
        return ledger;
    }

    /**
     * The price table estimates come from.
     *
     * @return the table
     */
    public PriceTable prices() {
        return prices;
    }

    /**
     * The validation rules of the client's profile.
     *
     * @return the rules
     */
    public VideoRules rules() {
        return rules;
    }

    /**
     * The clock the client measures waits with.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * How the client waits.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Retrieves a character.
     *
     * @param characterId a {@code char_...} id
     * @return the character
     * @throws InvalidRequestException when the id is empty
     * @throws ApiException when the service refused or failed the request
     */
    public Character retrieveCharacter(String characterId) {
        provider.require(Feature.CHARACTERS);
        return service().retrieveCharacter(Arguments.id("id", characterId));
    }

    /**
     * Retrieves a job.
     *
     * @param videoId a {@code video_...} id
     * @return the job now
     * @throws InvalidRequestException when the id is empty
     * @throws ApiException when the service refused or failed the request
     */
    public VideoJob retrieve(String videoId) {
        return service().retrieve(Arguments.id("id", videoId));
    }

    /**
     * The server's last {@code openai-poll-after-ms} hint for a job.
     *
     * @param videoId the job
     * @return the hint, if the server sent one
     */
    public Optional<Duration> pollAfter(String videoId) {
        return service().pollAfter(videoId);
    }

    /**
     * One page of the video list.
     *
     * @param query page size, order and cursor
     * @return the page
     * @throws ApiException when the service refused or failed the request
     */
    public VideoPage list(ListQuery query) {
        provider.require(Feature.LIST);
        return service().list(query);
    }

    /**
     * Every job, page after page, fetched lazily.
     *
     * @param pageSize page size 1..100, or null for the server's default
     * @param order {@code asc}, {@code desc} or null
     * @return the jobs; iterating may throw {@link ApiException}
     */
    public Iterable<VideoJob> listAll(Integer pageSize, String order) {
        provider.require(Feature.LIST);
        return VideoPages.all(service(), pageSize, order);
    }

    /**
     * Deletes a job and its assets.
     *
     * @param videoId the job
     * @return the service's confirmation
     * @throws InvalidRequestException when the id is empty
     * @throws ApiException when the service refused or failed the request
     */
    public DeletedVideo delete(String videoId) {
        provider.require(Feature.DELETE);
        return service().delete(Arguments.id("id", videoId));
    }

    /**
     * Waits until the job is terminal; every status seen goes to the ledger.
     *
     * @param videoId the job
     * @param options interval and timeout
     * @param listener hears every status response
     * @return the job once completed, failed, expired or cancelled (a failed job is returned, not thrown;
     *     see {@link JobFailedException} for callers that want that)
     * @throws WaitTimeoutException when the timeout passes first (the job goes on)
     * @throws SoraInterruptedException when interrupted while waiting
     * @throws ApiException when a status request failed
     */
    public VideoJob waitFor(String videoId, PollOptions options, PollListener listener) {
        return poller.waitFor(Arguments.id("id", videoId), options, new PollListener() {
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
    }

    /**
     * Downloads one asset through a hidden part file that resumes; videos are checked to be whole
     * MP4s and recorded in the ledger.
     *
     * @param videoId the completed job
     * @param variant which asset
     * @param target where to write it
     * @param force replace an existing {@code target}
     * @return where it is, its size and sha256
     * @throws OutputExistsException when {@code target} exists and {@code force} is false
     * @throws TruncatedDownloadException when the body ended early (run again to resume)
     * @throws ApiException when the service refused or failed the request
     */
    public DownloadResult download(String videoId, Variant variant, Path target, boolean force) {
        String id = Arguments.id("id", videoId);
        // A variant the provider cannot serve is refused before any request or ledger mark.
        if (provider.contentPlan(id, variant, false) instanceof ContentPlan.Refuse refuse) {
            throw new UnsupportedFeatureException(
                    provider.name(), ProviderProfile.downloadFeature(variant).label(), refuse.message());
        }
        service();
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

    /**
     * The Files and Batch API transport of this client (built on first use), for
     * {@link dev.sora4j.batchapi.SoraBatches}.
     *
     * @return the gateway
     * @throws ConfigException when no API key is configured
     */
    public BatchApiGateway batchApiGateway() {
        provider.require(Feature.BATCH_API);
        return batchGateway();
    }

    private synchronized BatchApiGateway batchGateway() {
        if (batchGateway == null) {
            if (batchGatewayFactory == null) {
                throw missingKey();
            }
            batchGateway = batchGatewayFactory.get();
        }
        return batchGateway;
    }

    /** Closes the connection pool; the ledger stays open (whoever opened it closes it). */
    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        synchronized (this) {
            if (batchGateway != null) {
                batchGateway.close();
            }
        }
    }

    private <T> Sent<T> send(
            Intent intent,
            Supplier<T> request,
            Function<T, String> idOf,
            Function<T, String> statusOf,
            SendOptions options) {
        service();
        return calls.send(new PaidCall<>(intent, request, idOf, statusOf), options);
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
        return Intent.builder(kind, WireJson.sha256(params), params)
                .prompt(prompt)
                .model(model)
                .size(size)
                .seconds(seconds)
                .profile(rules.profile().id())
                .provider(provider.name())
                .baseUrl(baseUrl)
                .estimatedCost(cost.orElse(null))
                .build();
    }

    /** The gateway; a client built for previews only has none. */
    private VideoGateway service() {
        if (gateway == null && unusable != null) {
            throw unusable;
        }
        if (gateway == null) {
            throw missingKey();
        }
        return gateway;
    }

    private ConfigException missingKey() {
        return missingKey(provider);
    }

    private static ConfigException missingKey(ProviderProfile p) {
        List<String> vars = p.auth().envVars();
        if (vars.equals(List.of(Settings.Key.API_KEY.env()))) {
            return new ConfigException("api_key", Settings.Key.API_KEY.env() + " is not set.");
        }
        return new ConfigException("api_key", p.auth().missingKeyMessage(p.name()) + ".");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Configures a {@link SoraClient}; {@link #fromEnv()} reads OPENAI_API_KEY, OPENAI_BASE_URL and
     * SORA4J_PROFILE.
     */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private AuthHeader authHeader;
        private Profile profile;
        private ProviderProfile provider;
        private String providerName;
        private Settings settings;
        private ConfigException unusable;
        private int maxRetries = 2;
        private Duration timeout = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private VideoGateway gateway;
        private ExtensionChains chains = ExtensionChains.inMemory();
        private Ledger ledger = Ledger.none();
        private PriceTable prices = PriceTable.defaults();
        private ResponseObserver observer = ResponseObserver.NONE;
        private Double requestsPerMinute;
        private RequestGate requestGate;
        private BatchApiGateway batchGateway;
        private Guardrails guardrails;
        private Optional<FaceCheck> faces;

        private Builder() {}

        /**
         * Reads the process's environment, system properties and {@code ~/.sora4j/config.properties}.
         *
         * @return this builder
         * @throws ConfigException when the config file cannot be read
         * @throws InvalidRequestException when a profile or auth header setting is not known
         */
        public Builder fromEnv() {
            return fromSettings(Settings.fromProcess());
        }

        /**
         * Applies resolved settings: API key, base URL, profile, auth header, and extension chains
         * remembered in the sora4j home.
         *
         * @param settings the settings
         * @return this builder
         * @throws InvalidRequestException when a profile or auth header setting is not known
         */
        public Builder fromSettings(Settings settings) {
            // Resolved in build(): which key variable and base URL apply depends on the provider,
            // which a later provider(...) call may still change.
            this.settings = Objects.requireNonNull(settings);
            settings.get(Settings.Key.PROFILE).map(Profile::parse).ifPresent(this::profile);
            settings.get(Settings.Key.AUTH_HEADER).map(AuthHeader::parse).ifPresent(this::authHeader);
            chains = ExtensionChains.inFile(settings.home().resolve("extension-chains.json"));
            return this;
        }

        /**
         * Chooses a built-in provider profile by name ({@code openai} (default), {@code azure},
         * {@code litellm}, {@code vllm-omni}, {@code sglang}, {@code trtllm}, {@code openrouter},
         * {@code new-api}). The profile decides the default base URL, the credential header and the
         * environment variable the key is read from (by {@link #fromSettings}), how a create is
         * encoded, how statuses, errors and downloads read, and which commands are refused before
         * sending. Overrides the {@code provider} setting.
         *
         * @param name the provider's name; case-insensitive, common aliases ({@code vllm}, {@code tensorrt-llm}) work
         * @return this builder
         * @throws InvalidRequestException when no built-in provider has that name (the message lists them)
         */
        public Builder provider(String name) {
            this.provider = Providers.builtIn().require(name);
            this.providerName = provider.name();
            return this;
        }

        /**
         * Uses a provider profile, built-in ({@link Providers#builtIn()}) or your own.
         *
         * @param value the profile
         * @return this builder
         */
        public Builder provider(ProviderProfile value) {
            this.provider = Objects.requireNonNull(value, "provider");
            this.providerName = value.name();
            return this;
        }

        /**
         * Sets the API root.
         *
         * @param value including {@code /v1}, e.g. {@code https://api.openai.com/v1}
         * @return this builder
         */
        public Builder baseUrl(String value) {
            this.baseUrl = Objects.requireNonNull(value, "baseUrl");
            return this;
        }

        /**
         * Sets the API key; it is never logged or recorded.
         *
         * @param value the key, or null
         * @return this builder
         */
        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        /**
         * Sets how the key travels.
         *
         * @param value bearer (default) or api-key
         * @return this builder
         */
        public Builder authHeader(AuthHeader value) {
            this.authHeader = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets which client-side limits apply.
         *
         * @param value guide (default), spec or open
         * @return this builder
         */
        public Builder profile(Profile value) {
            this.profile = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the SDK's retries per request (connection errors, 408, 409, 429, 5xx).
         *
         * @param value 0 or more (default 2); a caller with its own retries passes 0
         * @return this builder
         */
        public Builder maxRetries(int value) {
            this.maxRetries = value;
            return this;
        }

        /**
         * Sets the timeout of one HTTP request.
         *
         * @param value the timeout (default 10 minutes)
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the clock for waits and timeouts.
         *
         * @param value the clock (default the system's, UTC)
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets how the client waits (tests advance a clock instead of sleeping).
         *
         * @param value the sleeper (default {@link Sleeper#system()})
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets where extension chains are remembered; {@link #fromSettings} uses a file in the sora4j home.
         *
         * @param value the store (default in memory)
         * @return this builder
         */
        public Builder extensionChains(ExtensionChains value) {
            this.chains = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets where intents, ids, statuses and downloads are recorded; the caller keeps ownership and closes it.
         *
         * @param value the ledger (default {@link Ledger#none()})
         * @return this builder
         */
        public Builder ledger(Ledger value) {
            this.ledger = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets who hears every POST's status and headers.
         *
         * @param value the observer (default none)
         * @return this builder
         */
        public Builder responseObserver(ResponseObserver value) {
            this.observer = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Spaces every paid call evenly at this rate, shared by all threads using the client; the rate
         * follows the server's {@code x-ratelimit-*} headers and pauses after a 429.
         *
         * @param value requests per minute, above 0
         * @return this builder
         * @throws InvalidRequestException when {@code value} is not above 0
         */
        public Builder requestsPerMinute(double value) {
            if (!(value > 0)) {
                throw InvalidRequestException.of("rpm", " must be > 0, got " + value);
            }
            this.requestsPerMinute = value;
            return this;
        }

        /**
         * A rate limit shared with other processes, passed by every paid call after this client's own.
         *
         * @param value the gate (a database-backed one lets many workers share one limit)
         * @return this builder
         */
        public Builder requestGate(RequestGate value) {
            this.requestGate = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the prices estimates use.
         *
         * @param value the table (default {@link PriceTable#defaults()})
         * @return this builder
         */
        public Builder prices(PriceTable value) {
            this.prices = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Replaces the SDK-backed gateway (for tests and alternative transports).
         *
         * @param value the gateway, or null for the SDK's
         * @return this builder
         */
        public Builder gateway(VideoGateway value) {
            this.gateway = value;
            return this;
        }

        /**
         * Replaces the SDK-backed Files and Batch gateway (for tests and alternative transports).
         *
         * @param value the gateway, or null for the SDK's
         * @return this builder
         */
        public Builder batchGateway(BatchApiGateway value) {
            this.batchGateway = value;
            return this;
        }

        /**
         * Sets the content rules every paid call must pass (default: {@link Guardrails#defaults()});
         * there is no way to turn them off, only to extend them (rules, allow list).
         *
         * @param value the guardrails
         * @return this builder
         */
        public Builder guardrails(Guardrails value) {
            this.guardrails = Objects.requireNonNull(value, "guardrails");
            return this;
        }

        /**
         * Sets the face check for input references and character clips (default: the one
         * {@link FaceCheck#discover()} finds, i.e. the {@code sora4j-faces} module when present).
         *
         * @param value the check, or empty to leave faces to the service
         * @return this builder
         */
        public Builder faceCheck(Optional<FaceCheck> value) {
            this.faces = Objects.requireNonNull(value, "faceCheck");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client; close it to release its connections
         * @throws ConfigException when no API key is configured and no gateway was given
         */
        public SoraClient build() {
            ProviderProfile p = resolvedProvider();
            String key = resolvedKey(p);
            if (gateway == null && key == null && p.auth().need() == Auth.Need.REQUIRED) {
                throw missingKey(p);
            }
            if (gateway == null) {
                resolvedBaseUrl(p); // A provider without a default needs one: say which setting, before anything.
            }
            return make();
        }

        /**
         * Builds a client that validates, estimates and previews without a connection when no API key
         * is configured (its calls to the service then throw {@link ConfigException}); with a key it is
         * the same as {@link #build()}.
         *
         * @return the client
         */
        public SoraClient buildForPreview() {
            return make();
        }

        /** The provider: set here, else the {@code provider} setting, else OpenAI. */
        ProviderProfile resolvedProvider() {
            if (provider != null) {
                return provider;
            }
            Providers registry = Providers.builtIn();
            if (settings != null) {
                Optional<String> configured = settings.get(Settings.Key.PROVIDER);
                if (configured.isPresent()) {
                    return registry.find(configured.get())
                            .orElseThrow(() -> new ConfigException(settings.origin(Settings.Key.PROVIDER) + ": '"
                                    + configured.get() + "' is not a provider; known: "
                                    + String.join(
                                            ", ",
                                            registry.all().stream()
                                                    .map(ProviderProfile::name)
                                                    .toList())
                                    + "."));
                }
            }
            return registry.defaultProfile();
        }

        /**
         * The base URL: set here, else {@code provider.NAME.base-url}, else the {@code base-url}
         * setting ({@code OPENAI_BASE_URL}), else the provider's default.
         */
        String resolvedBaseUrl(ProviderProfile p) {
            if (baseUrl != null) {
                return stripTrailingSlash(baseUrl);
            }
            Optional<String> configured = Optional.empty();
            if (settings != null) {
                configured = settings.providerEntry(p.name(), "base-url").or(() -> settings.get(Settings.Key.BASE_URL));
            }
            return p.endpoint()
                    .resolve(configured.orElse(null))
                    .orElseThrow(() -> new ConfigException(
                            "base_url",
                            "provider " + p.name() + " has no default base URL: pass --base-url (e.g. "
                                    + p.endpoint().example() + "), or set " + Settings.providerKey(p.name(), "base-url")
                                    + " in config.properties or " + Settings.Key.BASE_URL.env() + "."));
        }

        /** The key: set here, else from the provider's own environment variables (never another provider's). */
        String resolvedKey(ProviderProfile p) {
            if (apiKey != null && !apiKey.isBlank()) {
                return apiKey;
            }
            if (settings == null) {
                return null;
            }
            if (p.auth().envVars().contains(Settings.Key.API_KEY.env())) {
                Optional<String> k = settings.get(Settings.Key.API_KEY);
                if (k.isPresent()) {
                    return k.get();
                }
            }
            for (String var : p.auth().envVars()) {
                Optional<String> k = settings.env(var);
                if (k.isPresent()) {
                    return k.get();
                }
            }
            return null;
        }

        private SoraClient make() {
            ProviderProfile p = resolvedProvider();
            if (profile == null) {
                profile = p.rules().validationProfile();
            }
            this.provider = p;
            String key = resolvedKey(p);
            try {
                this.baseUrl = resolvedBaseUrl(p);
            } catch (ConfigException e) {
                // A preview client still validates and previews; sending reports the missing base URL.
                this.baseUrl = p.endpoint().example();
                this.unusable = e;
            }
            if (authHeader == null) {
                authHeader = p.auth().scheme() == Auth.Scheme.API_KEY ? AuthHeader.API_KEY : AuthHeader.BEARER;
            }
            RateGate gate = requestsPerMinute == null ? null : new RateGate(requestsPerMinute, clock, sleeper);
            VideoGateway gw = gateway;
            Supplier<BatchApiGateway> batches = batchGateway == null ? null : () -> batchGateway;
            if (unusable == null && (key != null || (gw == null && p.auth().need() == Auth.Need.OPTIONAL))) {
                String apiKey = key;
                ResponseObserver heard = gate == null
                        ? observer
                        : (status, headers) -> {
                            gate.observe(headers);
                            observer.onResponse(status, headers);
                        };
                GatewaySettings settings = new GatewaySettings(
                        baseUrl, apiKey == null ? "" : apiKey, authHeader, maxRetries, timeout, heard);
                if (gw == null) {
                    gw = VideoGateways.open(p, settings);
                }
                if (batches == null) {
                    // Built on first use: most commands never touch the Files or Batch endpoints.
                    batches = () -> new OpenAiBatchGateway(settings);
                }
            }
            return new SoraClient(this, gw, gate, batches, key);
        }
    }
}
