package dev.sora4j.providers;

import static dev.sora4j.providers.request.ExtraPolicy.Field.above;
import static dev.sora4j.providers.request.ExtraPolicy.Field.of;
import static dev.sora4j.providers.request.ExtraPolicy.Field.range;

import dev.sora4j.providers.Auth.Need;
import dev.sora4j.providers.Auth.Scheme;
import dev.sora4j.providers.request.CreateDialect;
import dev.sora4j.providers.request.CreateDialect.Accepts;
import dev.sora4j.providers.request.CreateDialect.Duration;
import dev.sora4j.providers.request.CreateDialect.Reference;
import dev.sora4j.providers.request.CreateDialect.Size;
import dev.sora4j.providers.request.ExtraPolicy;
import dev.sora4j.providers.request.ExtraPolicy.Field;
import dev.sora4j.providers.request.ExtraPolicy.Type;
import dev.sora4j.providers.request.ModelRules;
import dev.sora4j.providers.request.ModelRules.ModelHandling;
import dev.sora4j.providers.response.StatusVocabulary;
import dev.sora4j.rules.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The built-in profiles. Every value comes from {@code reference/providers.md} (section in the
 * comments); where it says UNCERTAIN the profile either sends and checks ({@link Support#unverified})
 * or picks the behaviour that is harmless both ways.
 */
final class BuiltInProfiles {
    private static final String POLL = "poll with --wait (or sora poll)";
    private static final String LOCAL_QUEUE = "use create-batch (sora4j's local queue) instead";
    private static final StatusVocabulary OPENAI_STATUSES =
            StatusVocabulary.of("queued", "in_progress", "completed", "failed");

    private BuiltInProfiles() {}

    static List<ProviderProfile> all() {
        return List.of(openai(), azure(), litellm(), vllmOmni(), sglang(), trtllm(), openrouter(), newApi());
    }

    // videos-api.md: the reference protocol; every feature is there.
    static ProviderProfile openai() {
        return new ProviderProfile(
                "openai",
                "OpenAI",
                new Endpoint("https://api.openai.com/v1", "https://api.openai.com/v1", "/v1"),
                new Auth(Scheme.BEARER, List.of("OPENAI_API_KEY"), Need.REQUIRED, ""),
                new CreateDialect(
                        Accepts.JSON_OR_MULTIPART, Duration.SECONDS_STRING, Size.SIZE, Reference.OPENAI, Set.of()),
                new ModelRules(
                        Profile.GUIDE,
                        ModelHandling.PASS,
                        "sora-2",
                        "1280x720",
                        "4",
                        List.of(),
                        List.of(),
                        null,
                        false,
                        null,
                        false),
                "sora-2",
                ExtraPolicy.none(
                        "OpenAI's Videos API rejects parameters it does not define; for another server choose its --provider"),
                Set.of(200),
                OPENAI_STATUSES,
                new IdPolicy(Pattern.compile("video_[0-9a-f]{48}"), "video_ + 48 hex", false),
                new ContentPolicy(true, false, false),
                ListPolicy.CURSORS,
                new DeletePolicy(DeletePolicy.Answer.DELETED_OBJECT, false),
                Capabilities.all()
                        .with(
                                Feature.EXTRA_FIELDS,
                                Support.no("OpenAI's Videos API rejects parameters it does not define; for another"
                                        + " server choose its --provider")),
                0,
                List.of("OpenAI removed its hosted Videos API on 2026-09-24; this profile fits the sora4j emulator"
                        + " and servers that copy OpenAI's protocol exactly."));
    }

    // providers.md §5.
    static ProviderProfile azure() {
        Capabilities caps = Capabilities.all()
                .with(
                        Feature.DOWNLOAD_THUMBNAIL,
                        Support.unverified(
                                "Azure documents only variant=video; sora4j checks the bytes and never saves an MP4 as a thumbnail"))
                .with(
                        Feature.DOWNLOAD_SPRITESHEET,
                        Support.unverified(
                                "Azure documents only variant=video; sora4j checks the bytes and never saves an MP4 as a spritesheet"))
                .with(
                        Feature.REMIX,
                        Support.unverified(
                                "Azure documents remix as a remix_video_id create parameter; whether POST /videos/{id}/remix answers is unsettled"))
                .with(
                        Feature.EDIT,
                        Support.no("Azure documents no video edits; create a new video with a revised prompt"
                                + " (--input-reference FRAME to start from a frame of the source)"))
                .with(
                        Feature.EXTEND,
                        Support.no("Azure documents no extensions; create a clip of up to 12 s"
                                + " (--seconds 12) or join clips locally"))
                .with(
                        Feature.CHARACTERS,
                        Support.no("Azure documents no characters; describe the character in the prompt"
                                + " or start from --input-reference"))
                .with(Feature.BATCH_API, Support.no("Azure documents no Batch API for videos; " + LOCAL_QUEUE))
                .with(Feature.WEBHOOKS, Support.no("Azure documents no video webhooks; " + POLL))
                .with(
                        Feature.CREATE_BATCH,
                        Support.yes("Azure runs at most 2 jobs at once; sora4j's queue waits out"
                                + " 429 Too many running tasks"))
                .with(Feature.INPUT_REFERENCE_URL, Support.unverified("Azure's docs show an uploaded image only"))
                .with(Feature.INPUT_REFERENCE_FILE_ID, Support.unverified("Azure's docs show an uploaded image only"))
                .with(Feature.EXTRA_FIELDS, Support.no("Azure follows OpenAI's schema, which has no extra fields"));
        return new ProviderProfile(
                "azure",
                "Azure OpenAI (Sora 2, v1 API)",
                new Endpoint(null, "https://<resource>.openai.azure.com/openai/v1", "/openai/v1"),
                new Auth(
                        Scheme.API_KEY,
                        List.of("AZURE_OPENAI_API_KEY", "AZURE_OPENAI_KEY"),
                        Need.REQUIRED,
                        "or a Microsoft Entra token as Authorization: Bearer (scope https://cognitiveservices.azure.com/.default)"),
                new CreateDialect(
                        Accepts.JSON_OR_MULTIPART, Duration.SECONDS_STRING, Size.SIZE, Reference.OPENAI, Set.of()),
                new ModelRules(
                        Profile.OPEN,
                        ModelHandling.REQUIRED,
                        null,
                        "1280x720",
                        "4",
                        List.of("720x1280", "1280x720"),
                        List.of("4", "8", "12"),
                        null,
                        false,
                        null,
                        true),
                "sora-2 (your deployment name)",
                ExtraPolicy.none("Azure's Sora 2 takes OpenAI's fields only (providers.md §5)"),
                Set.of(200),
                OPENAI_STATUSES,
                new IdPolicy(Pattern.compile("video_[A-Za-z0-9]+"), "video_...", false),
                new ContentPolicy(true, false, false),
                ListPolicy.CURSORS,
                new DeletePolicy(DeletePolicy.Answer.DELETED_OBJECT, false),
                caps,
                2,
                List.of(
                        "model is your deployment name; a wrong one answers 404 'The API deployment ... does not exist'.",
                        "Input reference images must match --size exactly.",
                        "Jobs are kept 24 hours.",
                        "Sora 1 deployments (the /video/generations/jobs API) are a different protocol and not supported."));
    }

    // providers.md §1.
    static ProviderProfile litellm() {
        Capabilities caps = Capabilities.all()
                .with(
                        Feature.DOWNLOAD_THUMBNAIL,
                        Support.derived("LiteLLM's proxy does not forward variant and returns the"
                                + " MP4; sora4j makes the thumbnail from the video with --derive"))
                .with(
                        Feature.DOWNLOAD_SPRITESHEET,
                        Support.derived("LiteLLM's proxy does not forward variant and returns the"
                                + " MP4; sora4j makes the spritesheet from the video with --derive"))
                .with(
                        Feature.DELETE,
                        Support.no("LiteLLM's proxy has no delete route (405); delete the job in the upstream"
                                + " provider's console, or let it expire there"))
                .with(
                        Feature.STATUS,
                        Support.yes("the id may change between answers; sora4j keeps the create answer's id"))
                .with(Feature.LIST, Support.yes("item ids are re-encoded, cursors are raw backend ids"))
                .with(Feature.REMIX, Support.yes("older proxies read remix bodies as JSON only"))
                .with(Feature.BATCH_API, Support.no("LiteLLM's video router has no Batch API; " + LOCAL_QUEUE))
                .with(Feature.WEBHOOKS, Support.no("LiteLLM forwards no video webhooks; " + POLL))
                .with(
                        Feature.INPUT_REFERENCE_URL,
                        Support.unverified("forwarded as OpenAI's {image_url}; the backend decides"))
                .with(
                        Feature.INPUT_REFERENCE_FILE_ID,
                        Support.unverified("forwarded as OpenAI's {file_id}; the backend decides"))
                .with(Feature.EXTRA_FIELDS, Support.yes("forwarded to the backend, which may reject them"));
        return new ProviderProfile(
                "litellm",
                "LiteLLM proxy",
                new Endpoint(null, "http://localhost:4000/v1", "/v1"),
                new Auth(
                        Scheme.BEARER,
                        List.of("LITELLM_API_KEY"),
                        Need.OPTIONAL,
                        "the proxy also reads x-litellm-api-key, API-Key, x-api-key; a proxy without master key needs none"),
                new CreateDialect(
                        Accepts.JSON_OR_MULTIPART, Duration.SECONDS_STRING, Size.SIZE, Reference.OPENAI, Set.of()),
                new ModelRules(
                        Profile.OPEN,
                        ModelHandling.PASS,
                        "sora-2",
                        "1280x720",
                        "4",
                        List.of(),
                        List.of(),
                        null,
                        false,
                        null,
                        false),
                "sora-2 (a model_name from the proxy's config)",
                new ExtraPolicy(
                        Map.of("custom_llm_provider", of(Type.STRING), "user", of(Type.STRING)),
                        true,
                        "LiteLLM forwards extra fields to the backend"),
                Set.of(200),
                StatusVocabulary.of("queued", "in_progress", "processing", "completed", "failed"),
                new IdPolicy(
                        Pattern.compile("video_[A-Za-z0-9+/]{40,}={0,2}"),
                        "video_ + base64 of litellm:custom_llm_provider:...;model_id:...;video_id:... (150-250 chars)",
                        true),
                new ContentPolicy(false, false, false),
                ListPolicy.CURSORS,
                DeletePolicy.none(),
                caps,
                0,
                List.of(
                        "model is the proxy's model_name, not necessarily an OpenAI name.",
                        "Veo backends report processing until done, with no progress, size or seconds.",
                        "The video object has no prompt; a key that does not own a video gets 403."));
    }

    // providers.md §2.
    static ProviderProfile vllmOmni() {
        Map<String, Field> extras = new LinkedHashMap<>();
        extras.put("width", of(Type.INTEGER));
        extras.put("height", of(Type.INTEGER));
        extras.put("num_frames", of(Type.INTEGER));
        extras.put("fps", of(Type.NUMBER));
        extras.put("num_inference_steps", range(Type.INTEGER, 1, 200));
        extras.put("guidance_scale", of(Type.NUMBER));
        extras.put("guidance_scale_2", range(Type.NUMBER, 0, 20));
        extras.put("boundary_ratio", of(Type.NUMBER));
        extras.put("flow_shift", of(Type.NUMBER));
        extras.put("true_cfg_scale", of(Type.NUMBER));
        extras.put("seed", of(Type.INTEGER));
        extras.put("negative_prompt", of(Type.STRING));
        extras.put("lora", of(Type.JSON));
        extras.put("extra_params", of(Type.JSON));
        extras.put("generate_sound", of(Type.BOOLEAN));
        extras.put("sound_duration", of(Type.NUMBER));
        extras.put("user", of(Type.STRING));
        return new ProviderProfile(
                "vllm-omni",
                "vLLM-Omni",
                new Endpoint(null, "http://localhost:8091/v1", "/v1"),
                new Auth(
                        Scheme.BEARER,
                        List.of("VLLM_API_KEY"),
                        Need.OPTIONAL,
                        "needed only when the server runs with --api-key"),
                new CreateDialect(
                        Accepts.MULTIPART_ONLY, Duration.SECONDS_STRING, Size.SIZE, Reference.VLLM_OMNI, Set.of()),
                new ModelRules(
                        Profile.OPEN,
                        ModelHandling.SERVED_MODEL,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        1.0,
                        false,
                        null,
                        true),
                "Wan-AI/Wan2.2-T2V-A14B-Diffusers (the served model; or omit --model)",
                new ExtraPolicy(extras, true, "form fields the server does not declare are ignored"),
                Set.of(200),
                OPENAI_STATUSES,
                new IdPolicy(Pattern.compile("video_gen_[0-9a-f]{32}"), "video_gen_ + 32 hex", false),
                new ContentPolicy(false, false, false),
                ListPolicy.CURSORS,
                new DeletePolicy(DeletePolicy.Answer.DELETED_OBJECT, true),
                selfHosted(
                        "vLLM-Omni",
                        caps -> caps.with(
                                        Feature.INPUT_REFERENCE_URL,
                                        Support.yes("sent as image_reference {\"image_url\": ...}"))
                                .with(
                                        Feature.INPUT_REFERENCE_FILE_ID,
                                        Support.unverified(
                                                "sent as image_reference {\"file_id\": ...}; the id must name a file this server knows"))
                                .with(
                                        Feature.STATUS,
                                        Support.yes(
                                                "a failed job's retrieve answers 500 with the job; sora4j reads it as failed"))
                                .with(Feature.DELETE, Support.yes("cancels a queued or running job"))),
                0,
                List.of(
                        "One model per server: omit --model or pass exactly the served name (others get 400 Model mismatch).",
                        "Creates are multipart even without a file.",
                        "progress stays 0 until it jumps to 100."));
    }

    // providers.md §3.
    static ProviderProfile sglang() {
        Map<String, Field> extras = new LinkedHashMap<>();
        extras.put("fps", of(Type.NUMBER));
        extras.put("num_frames", of(Type.INTEGER));
        extras.put("seed", of(Type.INTEGER));
        extras.put("negative_prompt", of(Type.STRING));
        extras.put("guidance_scale", of(Type.NUMBER));
        extras.put("num_inference_steps", of(Type.INTEGER));
        return new ProviderProfile(
                "sglang",
                "SGLang diffusion",
                new Endpoint(null, "http://localhost:30000/v1", "/v1"),
                new Auth(
                        Scheme.BEARER,
                        List.of("SGLANG_API_KEY"),
                        Need.OPTIONAL,
                        "the builds read registered no auth (UNCERTAIN for newer ones); sent when set"),
                new CreateDialect(
                        Accepts.JSON_OR_MULTIPART, Duration.SECONDS_NUMBER, Size.SIZE, Reference.SGLANG, Set.of()),
                new ModelRules(
                        Profile.OPEN,
                        ModelHandling.SERVED_MODEL,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        false,
                        null,
                        true),
                "the served model (or omit --model; it is echoed as sora-2)",
                new ExtraPolicy(extras, true, "unknown JSON fields are ignored; model-specific extras pass"),
                Set.of(200),
                StatusVocabulary.of("queued", "processing", "completed", "failed", "cancelled", "deleted"),
                new IdPolicy(
                        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                        "a UUID (UNCERTAIN)",
                        false),
                new ContentPolicy(false, false, true),
                ListPolicy.SHORT_PAGE,
                new DeletePolicy(DeletePolicy.Answer.JOB_WITH_DELETED_STATUS, false),
                selfHosted(
                        "SGLang",
                        caps -> caps.with(Feature.INPUT_REFERENCE_URL, Support.yes("sent as reference_url"))
                                .with(
                                        Feature.INPUT_REFERENCE_FILE_ID,
                                        Support.no(
                                                "SGLang takes no file ids; pass the image itself (--input-reference) or its URL"))
                                .with(Feature.STATUS, Support.yes("upstream builds stay queued for the whole render"))
                                .with(Feature.DELETE, Support.yes("removes the record only; the render goes on"))),
                0,
                List.of(
                        "No running state upstream: a job stays queued until it completes.",
                        "With cloud storage configured the job carries a url and /content answers 400; sora4j downloads the url.",
                        "Older builds require a file in multipart creates; sora4j sends JSON unless a file is uploaded."));
    }

    // providers.md §4.
    static ProviderProfile trtllm() {
        Map<String, Field> extras = new LinkedHashMap<>();
        extras.put("seed", of(Type.INTEGER));
        extras.put("negative_prompt", of(Type.STRING));
        extras.put("fps", above(Type.NUMBER, 0, 120));
        extras.put("num_frames", range(Type.INTEGER, 1, 7200));
        extras.put("num_inference_steps", of(Type.INTEGER));
        extras.put("guidance_scale", of(Type.NUMBER));
        extras.put("max_sequence_length", of(Type.INTEGER));
        extras.put("width", of(Type.INTEGER));
        extras.put("height", of(Type.INTEGER));
        extras.put("format", of(Type.STRING));
        extras.put("n", of(Type.INTEGER));
        extras.put("video_reference", of(Type.STRING));
        extras.put("audio_reference", of(Type.STRING));
        extras.put("extra_params", of(Type.JSON));
        return new ProviderProfile(
                "trtllm",
                "TensorRT-LLM trtllm-serve",
                new Endpoint(null, "http://localhost:8000/v1", "/v1"),
                new Auth(
                        Scheme.BEARER,
                        List.of("TRTLLM_API_KEY"),
                        Need.OPTIONAL,
                        "the video routes read have no credential check (server-level auth UNCERTAIN); sent when set"),
                new CreateDialect(
                        Accepts.JSON_OR_MULTIPART,
                        Duration.SECONDS_NUMBER,
                        Size.SIZE,
                        Reference.TRTLLM,
                        Set.of(
                                "prompt",
                                "model",
                                "size",
                                "negative_prompt",
                                "seconds",
                                "fps",
                                "n",
                                "num_inference_steps",
                                "guidance_scale",
                                "seed",
                                "input_reference")),
                new ModelRules(
                        Profile.OPEN,
                        ModelHandling.SERVED_MODEL,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        0.0,
                        true,
                        60.0,
                        false),
                "the served model (accepted and ignored; omit --model)",
                new ExtraPolicy(
                        extras,
                        false,
                        "TRT-LLM rejects unknown JSON fields (extra=forbid); response_format is"
                                + " sora4j's to choose"),
                Set.of(202),
                StatusVocabulary.of("queued", "generating", "postprocessing", "completed", "failed"),
                new IdPolicy(Pattern.compile("video_[0-9a-f]{32}"), "video_ + 32 hex", false),
                new ContentPolicy(false, false, false),
                ListPolicy.SINGLE_PAGE,
                new DeletePolicy(DeletePolicy.Answer.DELETED_FLAG, true),
                selfHosted(
                        "TRT-LLM",
                        caps -> caps.with(
                                        Feature.INPUT_REFERENCE_URL,
                                        Support.yes("sent as image_reference (an http(s) or data: URL)"))
                                .with(
                                        Feature.INPUT_REFERENCE_FILE_ID,
                                        Support.no(
                                                "TRT-LLM takes no file ids; pass the image itself (--input-reference) or its URL"))
                                .with(
                                        Feature.CREATE_AND_POLL,
                                        Support.yes("no progress figures; the status names the phase"))
                                .with(Feature.DELETE, Support.yes("cancels a running job"))),
                0,
                List.of(
                        "Create answers 202; statuses queued, generating, postprocessing, completed, failed.",
                        "seconds is a number in (0, 60]; the job reports it as duration.",
                        "With a file upload only a fixed list of fields is read; sora4j refuses the others."));
    }

    // providers.md §6.
    static ProviderProfile openrouter() {
        Map<String, Field> extras = new LinkedHashMap<>();
        extras.put("resolution", of(Type.STRING));
        extras.put("aspect_ratio", of(Type.STRING));
        extras.put("generate_audio", of(Type.BOOLEAN));
        extras.put("seed", of(Type.INTEGER));
        extras.put("callback_url", of(Type.STRING));
        extras.put("provider", of(Type.JSON));
        extras.put("frame_images", of(Type.JSON));
        extras.put("input_references", of(Type.JSON));
        Capabilities caps = Capabilities.all()
                .with(
                        Feature.LIST,
                        Support.no("OpenRouter has no list route; sora jobs lists the jobs sora4j created,"
                                + " from the local ledger"))
                .with(
                        Feature.DELETE,
                        Support.no("OpenRouter has no delete route; jobs cannot be deleted through its API"))
                .with(
                        Feature.DOWNLOAD_THUMBNAIL,
                        Support.derived("OpenRouter serves only the video; sora4j makes the"
                                + " thumbnail from it with --derive"))
                .with(
                        Feature.DOWNLOAD_SPRITESHEET,
                        Support.derived("OpenRouter serves only the video; sora4j makes the"
                                + " spritesheet from it with --derive"))
                .with(Feature.EDIT, Support.no("OpenRouter has no edits; create a new video with a revised prompt"))
                .with(
                        Feature.EXTEND,
                        Support.no("OpenRouter has no extensions; create a longer clip (--seconds, within the"
                                + " model's supported durations)"))
                .with(Feature.REMIX, Support.no("OpenRouter has no remix; create a new video with a revised prompt"))
                .with(
                        Feature.CHARACTERS,
                        Support.no("OpenRouter has no characters; describe the character in the prompt"))
                .with(Feature.BATCH_API, Support.no("OpenRouter has no Batch API for videos; " + LOCAL_QUEUE))
                .with(
                        Feature.WEBHOOKS,
                        Support.no(
                                POLL + "; or pass --extra callback_url=https://... to have OpenRouter"
                                        + " call your own endpoint (not OpenAI's webhook format, so sora4j's receiver does not verify it)"))
                .with(
                        Feature.INPUT_REFERENCE_FILE,
                        Support.no("OpenRouter takes image URLs, not uploads: put the image at"
                                + " an https URL and pass --input-reference-url"))
                .with(
                        Feature.INPUT_REFERENCE_FILE_ID,
                        Support.no("OpenRouter takes image URLs only; pass" + " --input-reference-url"))
                .with(Feature.INPUT_REFERENCE_URL, Support.yes("sent as frame_images[first_frame]"))
                .with(
                        Feature.CREATE_AND_POLL,
                        Support.yes("no progress figures; statuses pending, in_progress, completed"));
        return new ProviderProfile(
                "openrouter",
                "OpenRouter",
                new Endpoint("https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1", "/api/v1"),
                new Auth(Scheme.BEARER, List.of("OPENROUTER_API_KEY"), Need.REQUIRED, ""),
                new CreateDialect(
                        Accepts.JSON_ONLY,
                        Duration.DURATION_INT,
                        Size.RESOLUTION_AND_ASPECT,
                        Reference.OPENROUTER,
                        Set.of()),
                new ModelRules(
                        Profile.OPEN,
                        ModelHandling.VENDOR_PREFIXED,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        false,
                        null,
                        true),
                "google/veo-3.1",
                new ExtraPolicy(extras, true, "OpenRouter may reject or ignore fields it does not document"),
                Set.of(202),
                StatusVocabulary.of("pending", "in_progress", "completed", "failed", "cancelled", "expired"),
                new IdPolicy(Pattern.compile("job-[A-Za-z0-9_-]+"), "job-... (UNCERTAIN)", false),
                new ContentPolicy(false, true, true),
                ListPolicy.NONE,
                DeletePolicy.none(),
                caps,
                0,
                List.of(
                        "Lengths and sizes are per model: read GET /api/v1/videos/models first.",
                        "Sizes are sent as resolution + aspect_ratio when standard (1280x720 -> 720p, 16:9).",
                        "Completed jobs carry signed urls (no credential, they expire) and content?index=N."));
    }

    // providers.md §7.
    static ProviderProfile newApi() {
        Map<String, Field> extras = new LinkedHashMap<>();
        extras.put("mode", of(Type.STRING));
        extras.put("image", of(Type.STRING));
        extras.put("images", of(Type.JSON));
        extras.put("metadata", of(Type.JSON));
        Capabilities caps = Capabilities.all()
                .with(
                        Feature.LIST,
                        Support.no("new-api has no list route; sora jobs lists the jobs sora4j created,"
                                + " from the local ledger"))
                .with(
                        Feature.DELETE,
                        Support.no("new-api has no delete route; delete the job in the upstream provider's console"))
                .with(
                        Feature.DOWNLOAD_THUMBNAIL,
                        Support.derived(
                                "new-api serves only the video; sora4j makes the" + " thumbnail from it with --derive"))
                .with(
                        Feature.DOWNLOAD_SPRITESHEET,
                        Support.derived("new-api serves only the video; sora4j makes the"
                                + " spritesheet from it with --derive"))
                .with(
                        Feature.EDIT,
                        Support.no("new-api has no edits; remix the video (sora remix) or create a new one"))
                .with(Feature.EXTEND, Support.no("new-api has no extensions; create a longer clip with --seconds"))
                .with(Feature.CHARACTERS, Support.no("new-api has no characters; describe the character in the prompt"))
                .with(Feature.BATCH_API, Support.no("new-api has no Batch API for videos; " + LOCAL_QUEUE))
                .with(Feature.WEBHOOKS, Support.no("new-api sends no webhooks; " + POLL))
                .with(
                        Feature.INPUT_REFERENCE_FILE,
                        Support.no("new-api takes the reference as a string: pass an https or"
                                + " data: URL with --input-reference-url"))
                .with(
                        Feature.INPUT_REFERENCE_FILE_ID,
                        Support.no("new-api takes the reference as a URL string; pass" + " --input-reference-url"))
                .with(
                        Feature.STATUS,
                        Support.yes(
                                "progress is coarse; with some upstreams a task stayed queued after it" + " finished"))
                .with(
                        Feature.REMIX,
                        Support.unverified("routed by new-api; whether the upstream channel supports it varies"));
        return new ProviderProfile(
                "new-api",
                "new-api gateway",
                new Endpoint(null, "https://<your-new-api-host>/v1", "/v1"),
                new Auth(Scheme.BEARER, List.of("NEW_API_KEY"), Need.REQUIRED, "a new-api token (sk-...)"),
                new CreateDialect(
                        Accepts.JSON_OR_MULTIPART, Duration.SECONDS_STRING, Size.SIZE, Reference.NEW_API, Set.of()),
                new ModelRules(
                        Profile.OPEN,
                        ModelHandling.REQUIRED,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        false,
                        null,
                        false),
                "sora-2 (a model name of the gateway's channels)",
                new ExtraPolicy(extras, true, "the gateway may ignore fields its channel does not use"),
                Set.of(200),
                OPENAI_STATUSES,
                new IdPolicy(null, "a gateway task id (UNCERTAIN)", false),
                new ContentPolicy(false, false, true),
                ListPolicy.NONE,
                DeletePolicy.none(),
                caps,
                0,
                List.of(
                        "completed_at may be set while the task still runs; sora4j reads it only once terminal.",
                        "Timestamps are seconds (some report milliseconds; sora4j accepts both)."));
    }

    /** What every single-model diffusion server lacks (vLLM-Omni, SGLang, TRT-LLM: providers.md §2–§4). */
    private static Capabilities selfHosted(String server, UnaryOperator<Capabilities> specifics) {
        Capabilities caps = Capabilities.all()
                .with(
                        Feature.DOWNLOAD_THUMBNAIL,
                        Support.derived(server + " has no thumbnails; sora4j makes one from the"
                                + " MP4 with --variant thumbnail --derive"))
                .with(
                        Feature.DOWNLOAD_SPRITESHEET,
                        Support.derived(server + " has no spritesheets; sora4j makes one from"
                                + " the MP4 with --variant spritesheet --derive"))
                .with(
                        Feature.EDIT,
                        Support.no(server + " has no edit route; create a new video with a revised prompt"
                                + " (--input-reference FRAME for image-to-video)"))
                .with(
                        Feature.EXTEND,
                        Support.no(server + " has no extensions; create a longer clip with --seconds"
                                + " (or --extra num_frames=N)"))
                .with(Feature.REMIX, Support.no(server + " has no remix; create a new video with a revised prompt"))
                .with(
                        Feature.CHARACTERS,
                        Support.no(server + " has no characters; describe the character in the prompt"
                                + " or start from --input-reference"))
                .with(Feature.BATCH_API, Support.no(server + " has no Batch API; " + LOCAL_QUEUE))
                .with(Feature.WEBHOOKS, Support.no(server + " sends no webhooks; " + POLL));
        return specifics.apply(caps);
    }
}
