package dev.sora4j.internal.openai;

import com.openai.core.http.HttpRequestBody;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.internal.wire.WireRequest;
import dev.sora4j.media.MediaKind;
import dev.sora4j.providers.request.WireCreate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;

/** The body of a {@link WireRequest}: JSON, or multipart when a file is uploaded. Both can be resent by the SDK's retries. */
final class RequestBodies {
    private RequestBodies() {}

    static HttpRequestBody of(WireRequest wire) {
        return wire.multipart()
                ? multipart(wire.multipartTextParts(), wire.files())
                : new BytesBody(WireJsonParsing.bytes(wire.fields()), "application/json");
    }

    /** A provider's create in the encoding its dialect chose (vLLM-Omni: multipart even without a file). */
    static HttpRequestBody of(WireCreate wire) {
        return wire.encoding() == WireCreate.Encoding.MULTIPART
                ? multipart(wire.textParts(), wire.files())
                : new BytesBody(WireJsonParsing.bytes(wire.fields()), "application/json");
    }

    /** Multipart through OkHttp's encoder; file parts carry the type sniffed from their content. */
    private static HttpRequestBody multipart(List<Map.Entry<String, String>> textParts, Map<String, Path> files) {
        MultipartBody.Builder b = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, String> part : textParts) {
            b.addFormDataPart(part.getKey(), part.getValue());
        }
        files.forEach((name, file) -> {
            if (!Files.isRegularFile(file)) {
                throw InvalidRequestException.of(name, " file not found: " + file);
            }
            MediaType type = MediaType.get(MediaKind.of(file).mimeType());
            b.addFormDataPart(name, file.getFileName().toString(), RequestBody.create(file.toFile(), type));
        });
        return new MultipartBodyAdapter(b.build());
    }

    /** OkHttp's multipart body seen through the SDK's body interface. */
    private static final class MultipartBodyAdapter implements HttpRequestBody {
        private final MultipartBody multipart;

        MultipartBodyAdapter(MultipartBody multipart) {
            this.multipart = multipart;
        }

        @Override
        public void writeTo(OutputStream out) {
            try {
                BufferedSink sink = Okio.buffer(Okio.sink(out));
                multipart.writeTo(sink);
                sink.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String contentType() {
            return multipart.contentType().toString();
        }

        @Override
        public long contentLength() {
            try {
                return multipart.contentLength();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** A repeatable in-memory body, so the SDK's retrying client can resend it. */
    private static final class BytesBody implements HttpRequestBody {
        private final byte[] bytes;
        private final String contentType;

        BytesBody(byte[] bytes, String contentType) {
            this.bytes = bytes;
            this.contentType = contentType;
        }

        @Override
        public void writeTo(OutputStream out) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String contentType() {
            return contentType;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public void close() {}
    }
}
