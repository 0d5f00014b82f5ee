package dev.sora4j.providers;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.Variant;
import dev.sora4j.providers.request.CreateDialect;
import dev.sora4j.providers.request.CreateSpec;
import dev.sora4j.providers.request.ExtraPolicy;
import dev.sora4j.providers.request.ModelRules;
import dev.sora4j.providers.request.WireCreate;
import dev.sora4j.providers.response.ApiError;
import dev.sora4j.providers.response.ErrorEnvelopes;
import dev.sora4j.providers.response.JobNormalizer;
import dev.sora4j.providers.response.MappedStatus;
import dev.sora4j.providers.response.NormalizedJob;
import dev.sora4j.providers.response.StatusVocabulary;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that differs between servers speaking the Videos API, as one immutable value
 * (providers.md §0 lists the knobs). The gateway, the CLI and the batch pipeline ask the profile and
 * never branch on its name. Built-in profiles come from {@link Providers}; a library user may build
 * their own.
 *
 * @param name the id used by {@code --provider}, lower case
 * @param displayName the name in tables and messages
 * @param endpoint default base URL and path prefix
 * @param auth the credential header and its environment variables
 * @param create how a create request is spelled
 * @param rules defaults and limits for model, size and length
 * @param modelExample a model name for help and errors
 * @param extras which {@code --extra} fields are accepted
 * @param createStatus the HTTP status(es) a successful create answers with (200, or 202 on TRT-LLM and OpenRouter)
 * @param statuses the status words it sends
 * @param ids how its ids behave
 * @param content how downloads work
 * @param list how listing pages
 * @param delete what delete does
 * @param capabilities which commands and features work
 * @param maxRunningJobs jobs the server runs at once before refusing more (Azure: 2), 0 when unknown
 * @param notes facts a user should know, for {@code sora providers}
 */
public record ProviderProfile(
        String name,
        String displayName,
        Endpoint endpoint,
        Auth auth,
        CreateDialect create,
        ModelRules rules,
        String modelExample,
        ExtraPolicy extras,
        Set<Integer> createStatus,
        StatusVocabulary statuses,
        IdPolicy ids,
        ContentPolicy content,
        ListPolicy list,
        DeletePolicy delete,
        Capabilities capabilities,
        int maxRunningJobs,
        List<String> notes) {

    /**
     * Copies {@code createStatus} and {@code notes} into unmodifiable collections.
     *
     * @param name the id used by {@code --provider}, lower case
     * @param displayName the name in tables and messages
     * @param endpoint default base URL and path prefix
     * @param auth the credential header and its environment variables
     * @param create how a create request is spelled
     * @param rules defaults and limits for model, size and length
     * @param modelExample a model name for help and errors
     * @param extras which {@code --extra} fields are accepted
     * @param createStatus the HTTP status(es) a successful create answers with (200, or 202 on TRT-LLM and OpenRouter)
     * @param statuses the status words it sends
     * @param ids how its ids behave
     * @param content how downloads work
     * @param list how listing pages
     * @param delete what delete does
     * @param capabilities which commands and features work
     * @param maxRunningJobs jobs the server runs at once before refusing more (Azure: 2), 0 when unknown
     * @param notes facts a user should know, for {@code sora providers}
     */
    public ProviderProfile {
        createStatus = Set.copyOf(createStatus);
        notes = List.copyOf(notes);
    }

    /**
     * Checks the spec against this provider's capabilities, fills its defaults, checks its limits
     * and types the extra fields. The result is what the ledger records and {@link #encodeCreate}
     * sends.
     *
     * @param spec the request as the user gave it
     * @param openProfile the user chose {@code --profile open}: skip the provider's lists and bounds
     * @return the spec with defaults filled and extra fields typed
     * @throws UnsupportedFeatureException when the provider does not support the request, a reference
     *     kind, characters or extra fields (exit 2)
     * @throws InvalidRequestException naming the field, the provider and the fix (exit 2)
     */
    public CreateSpec prepareCreate(CreateSpec spec, boolean openProfile) {
        require(Feature.CREATE);
        if (spec.reference() != null) {
            require(referenceFeature(spec.reference()));
        }
        if (!spec.characterIds().isEmpty()) {
            require(Feature.CHARACTERS);
        }
        if (!spec.extras().isEmpty()) {
            require(Feature.EXTRA_FIELDS);
        }
        CreateSpec prepared = rules.prepare(name, modelExample, spec, openProfile);
        return prepared.withExtras(extras.apply(name, prepared.extras()));
    }

    /**
     * The body for a spec returned by {@link #prepareCreate}. Pure: no I/O.
     *
     * @param prepared a spec returned by {@link #prepareCreate}
     * @return the create request as this provider spells it
     */
    public WireCreate encodeCreate(CreateSpec prepared) {
        return create.encode(prepared);
    }

    /**
     * Refuses an unsupported feature before anything is sent (exit 2), naming the alternative.
     *
     * @param feature the feature about to be used
     * @throws UnsupportedFeatureException when this provider does not support {@code feature}
     */
    public void require(Feature feature) {
        Optional<String> refusal = capabilities.refusal(name, feature);
        if (refusal.isPresent()) {
            throw new UnsupportedFeatureException(name, feature.label(), refusal.get());
        }
    }

    /**
     * The refusal line for a feature, empty when it can be used.
     *
     * @param feature the feature to check
     * @return the refusal message, or empty when the feature is usable
     */
    public Optional<String> refusal(Feature feature) {
        return capabilities.refusal(name, feature);
    }

    /**
     * Translates a status word; unknown words never fail and read as still running.
     *
     * @param raw the status word the server sent, may be null
     * @return the neutral status it maps to
     */
    public MappedStatus status(String raw) {
        return statuses.map(raw);
    }

    /**
     * The job in a response body, whatever the HTTP status (a failed job on vLLM-Omni comes with
     * 500); empty when the body is not a job.
     *
     * @param body the response body text
     * @return the normalized job, or empty when the body is not a job
     */
    public Optional<NormalizedJob> parseJob(String body) {
        return new JobNormalizer(statuses).parse(body);
    }

    /**
     * Any error body in any envelope, as a neutral {@link ApiError}.
     *
     * @param status the HTTP status of the response
     * @param body the response body text, may be empty
     * @return the error, never null
     */
    public ApiError parseError(int status, String body) {
        return ErrorEnvelopes.parse(status, body);
    }

    /**
     * How to get one variant of a completed job; {@code derive} is the user's {@code --derive}.
     *
     * @param videoId the completed job's id
     * @param variant the variant to get
     * @param derive whether a locally derived thumbnail/spritesheet is allowed
     * @return a fetch, a local derivation, or a refusal
     */
    public ContentPlan contentPlan(String videoId, Variant variant, boolean derive) {
        return content.plan(name, videoId, variant, capabilities.get(downloadFeature(variant)), derive);
    }

    /**
     * {@code videos/<id>} with the id percent-encoded as one path segment.
     *
     * @param videoId the job id
     * @return the job's path relative to the base URL
     */
    public String jobPath(String videoId) {
        return "videos/" + IdPolicy.pathSegment(videoId);
    }

    /**
     * Whether a successful create may answer with this status (any 2xx is success; this is the documented one).
     *
     * @param httpStatus the HTTP status of a create answer
     * @return true when it is one of {@link #createStatus()}
     */
    public boolean documentedCreateStatus(int httpStatus) {
        return createStatus.contains(httpStatus);
    }

    /**
     * The download feature that governs one variant.
     *
     * @param variant the variant to download
     * @return the matching {@code DOWNLOAD_*} feature
     */
    public static Feature downloadFeature(Variant variant) {
        return switch (variant) {
            case VIDEO -> Feature.DOWNLOAD_VIDEO;
            case THUMBNAIL -> Feature.DOWNLOAD_THUMBNAIL;
            case SPRITESHEET -> Feature.DOWNLOAD_SPRITESHEET;
        };
    }

    /**
     * The feature that governs one kind of input reference.
     *
     * @param ref the input reference of a create request
     * @return the file, file-id or URL input-reference feature
     */
    public static Feature referenceFeature(InputReference ref) {

        if (ref instanceof InputReference.ImageFile) {
            return Feature.INPUT_REFERENCE_FILE;
        }
        return ref instanceof InputReference.FileId ? Feature.INPUT_REFERENCE_FILE_ID : Feature.INPUT_REFERENCE_URL;
    }
}
