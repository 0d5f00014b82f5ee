package dev.sora4j.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.TruncatedDownloadException;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.Variant;
import dev.sora4j.spi.ContentStream;
import dev.sora4j.spi.UnsupportedGateway;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
    @TempDir
    Path dir;

    /** A minimal well-formed MP4: ftyp, moov and an mdat of {@code payload} bytes. */
    static byte[] mp4(int payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        box(out, "ftyp", "isom".getBytes());
        box(out, "moov", new byte[32]);
        byte[] data = new byte[payload];
        Arrays.fill(data, (byte) 7);
        box(out, "mdat", data);
        return out.toByteArray();
    }

    private static void box(ByteArrayOutputStream out, String type, byte[] body) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(8 + body.length).array());
        out.write(type.getBytes());
        out.write(body);
    }

    /** Serves {@code bytes}, cutting the first answer after {@code cut} bytes; honours ranges unless told not to. */
    static class FlakyServer extends UnsupportedGateway {
        final byte[] bytes;
        final int cut;
        final boolean ranges;
        final List<Long> requestedFrom = new ArrayList<>();

        FlakyServer(byte[] bytes, int cut, boolean ranges) {
            this.bytes = bytes;
            this.cut = cut;
            this.ranges = ranges;
        }

        @Override
        public ContentStream content(String videoId, Variant variant, long from) {
            requestedFrom.add(from);
            long start = ranges ? from : 0;
            boolean first = requestedFrom.size() == 1;
            InputStream full = new ByteArrayInputStream(Arrays.copyOfRange(bytes, (int) start, bytes.length));
            // The first answer is reset by the network after `cut` bytes, as a real cut looks to a client.
            InputStream body = !first
                    ? full
                    : new InputStream() {
                        private int sent;

                        @Override
                        public int read() throws IOException {
                            if (sent >= cut) {
                                throw new IOException("Connection reset");
                            }
                            sent++;
                            return full.read();
                        }
                    };
            return new ContentStream(body, start, OptionalLong.of(bytes.length), () -> {});
        }
    }

    @Test
    void a_cut_download_resumes_from_where_it_stopped() throws Exception {
        byte[] clip = mp4(100_000);
        FlakyServer server = new FlakyServer(clip, 40_000, true);
        Downloader downloader = new Downloader(server);
        Path target = dir.resolve("clip.mp4");

        assertThatThrownBy(() -> downloader.download("video_1", Variant.VIDEO, target, false))
                .isInstanceOf(TruncatedDownloadException.class)
                .hasMessageContaining("Connection reset");
        assertThat(target).doesNotExist();
        assertThat(Files.size(Downloader.partFile(target, "video_1", Variant.VIDEO)))
                .isEqualTo(40_000);

        DownloadResult done = downloader.download("video_1", Variant.VIDEO, target, false);
        assertThat(server.requestedFrom).containsExactly(0L, 40_000L);
        assertThat(Files.readAllBytes(target)).isEqualTo(clip);
        assertThat(done.bytes()).isEqualTo(clip.length);
        assertThat(done.sha256()).hasSize(64);
        assertThat(partFiles()).isEmpty();
        assertThat(dir.resolve(PartFiles.DIR_NAME))
                .as("the emptied parts directory is removed")
                .doesNotExist();
    }

    @Test
    void partial_range_answers_are_followed_until_the_file_is_whole() throws Exception {
        byte[] clip = mp4(100_000);
        List<Long> asked = new ArrayList<>();
        UnsupportedGateway chunky = new UnsupportedGateway() {
            @Override
            public ContentStream content(String videoId, Variant variant, long from) {
                asked.add(from);
                int end = (int) Math.min(clip.length, from + 30_000);
                return new ContentStream(
                        new ByteArrayInputStream(Arrays.copyOfRange(clip, (int) from, end)),
                        from,
                        OptionalLong.of(clip.length),
                        () -> {});
            }
        };
        Path target = dir.resolve("chunky.mp4");
        new Downloader(chunky).download("video_2", Variant.VIDEO, target, false);
        assertThat(Files.readAllBytes(target)).isEqualTo(clip);
        assertThat(asked).containsExactly(0L, 30_000L, 60_000L, 90_000L);
    }

    @Test
    void a_server_that_ignores_ranges_is_read_again_from_the_start() throws Exception {
        byte[] clip = mp4(50_000);
        FlakyServer server = new FlakyServer(clip, 10_000, false);
        Downloader downloader = new Downloader(server);
        Path target = dir.resolve("clip.mp4");
        assertThatThrownBy(() -> downloader.download("video_1", Variant.VIDEO, target, false))
                .isInstanceOf(TruncatedDownloadException.class);
        downloader.download("video_1", Variant.VIDEO, target, false);
        assertThat(Files.readAllBytes(target)).isEqualTo(clip);
    }

    @Test
    void a_body_that_is_not_a_whole_mp4_is_never_saved() throws Exception {
        byte[] clip = mp4(10_000);
        byte[] lying = Arrays.copyOf(clip, clip.length - 100); // the mdat box claims more than there is
        FlakyServer server = new FlakyServer(lying, lying.length, true) {
            @Override
            public ContentStream content(String videoId, Variant variant, long from) {
                return new ContentStream(new ByteArrayInputStream(lying), 0, OptionalLong.of(lying.length), () -> {});
            }
        };
        Path target = dir.resolve("clip.mp4");
        assertThatThrownBy(() -> new Downloader(server).download("video_1", Variant.VIDEO, target, false))
                .isInstanceOf(SoraException.class)
                .hasMessageContaining("not a whole MP4")
                .hasMessageContaining("truncated");
        assertThat(target).doesNotExist();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void a_complete_part_left_by_a_killed_run_is_fetched_again_when_its_range_is_refused() throws Exception {
        byte[] clip = mp4(20_000);
        Path target = dir.resolve("done.mp4");
        PartFiles.privateDir(target);
        Files.write(Downloader.partFile(target, "video_3", Variant.VIDEO), clip);
        List<Long> asked = new ArrayList<>();
        UnsupportedGateway server = new UnsupportedGateway() {
            @Override
            public ContentStream content(String videoId, Variant variant, long from) {
                asked.add(from);
                if (from >= clip.length) {
                    throw ApiException.builder()
                            .status(416)
                            .message("Range not satisfiable")
                            .type("invalid_request_error")
                            .code("range_not_satisfiable")
                            .param("range")
                            .build();
                }
                return new ContentStream(
                        new ByteArrayInputStream(Arrays.copyOfRange(clip, (int) from, clip.length)),
                        from,
                        OptionalLong.of(clip.length),
                        () -> {});
            }
        };
        new Downloader(server).download("video_3", Variant.VIDEO, target, false);
        assertThat(asked).containsExactly((long) clip.length, 0L);
        assertThat(Files.readAllBytes(target)).isEqualTo(clip);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void a_complete_part_whose_remainder_is_empty_is_finished_without_fetching_it_again() throws Exception {
        byte[] clip = mp4(20_000);
        Path target = dir.resolve("whole.mp4");
        PartFiles.privateDir(target);
        Files.write(Downloader.partFile(target, "video_4", Variant.VIDEO), clip);
        List<Long> asked = new ArrayList<>();
        UnsupportedGateway server = new UnsupportedGateway() {
            @Override
            public ContentStream content(String videoId, Variant variant, long from) {
                asked.add(from);
                // What the gateways make of "416, Content-Range: bytes */<length>" when <length> is from.
                return new ContentStream(InputStream.nullInputStream(), from, OptionalLong.of(clip.length), () -> {});
            }
        };
        DownloadResult r = new Downloader(server).download("video_4", Variant.VIDEO, target, false);
        assertThat(asked).containsExactly((long) clip.length);
        assertThat(r.bytes()).isEqualTo(clip.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(clip);
        assertThat(partFiles()).isEmpty();
    }

    /** Serves {@code bytes} whole. */
    private static UnsupportedGateway serving(byte[] bytes) {
        return new UnsupportedGateway() {
            @Override
            public ContentStream content(String videoId, Variant variant, long from) {
                return new ContentStream(
                        new ByteArrayInputStream(Arrays.copyOfRange(bytes, (int) from, bytes.length)),
                        from,
                        OptionalLong.of(bytes.length),
                        () -> {});
            }
        };
    }

    @Test
    void a_symlink_planted_at_the_final_path_is_refused_and_its_target_untouched() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path target = dir.resolve("clip.mp4");
        Files.createSymbolicLink(target, victim);
        Downloader downloader = new Downloader(serving(mp4(1000)));

        assertThatThrownBy(() -> downloader.download("video_1", Variant.VIDEO, target, false))
                .isInstanceOf(dev.sora4j.errors.InvalidRequestException.class)
                .hasMessageContaining("is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious");

        // --force replaces the link itself, never writes through it.
        downloader.download("video_1", Variant.VIDEO, target, true);
        assertThat(Files.isSymbolicLink(target)).isFalse();
        assertThat(Files.readAllBytes(target)).isEqualTo(mp4(1000));
        assertThat(Files.readString(victim)).isEqualTo("precious");
    }

    @Test
    void a_symlink_planted_at_the_part_path_is_never_followed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path target = dir.resolve("clip.mp4");
        Path part = Downloader.partFile(target, "video_1", Variant.VIDEO);
        // An attacker who could write the output directory plants the parts directory as a link...
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createSymbolicLink(part.getParent(), elsewhere);
        Files.createSymbolicLink(elsewhere.resolve(part.getFileName()), victim);
        Downloader downloader = new Downloader(serving(mp4(1000)));
        assertThatThrownBy(() -> downloader.download("video_1", Variant.VIDEO, target, false))
                .isInstanceOf(SoraException.class)
                .hasMessageContaining("is not a directory");
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(target).doesNotExist();

        // ...or a link at the part file itself inside a real parts directory.
        Files.delete(part.getParent());
        PartFiles.privateDir(target);
        Files.createSymbolicLink(part, victim);
        assertThatThrownBy(() -> downloader.download("video_1", Variant.VIDEO, target, false))
                .isInstanceOf(SoraException.class);
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(target).doesNotExist();
    }

    @Test
    void part_files_live_in_a_private_directory_and_final_files_follow_the_umask() throws Exception {
        Path target = dir.resolve("clip.mp4");
        Path parts = PartFiles.privateDir(target);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(parts)))
                .isEqualTo("rwx------");
        new Downloader(serving(mp4(1000))).download("video_1", Variant.VIDEO, target, false);
        // Same mode as any file this process creates (the umask decides; nothing is chmod-ed).
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));

        // A parts directory others can write is refused.
        Path shared = dir.resolve("shared/clip.mp4");
        Files.createDirectories(shared.resolveSibling(PartFiles.DIR_NAME));
        Files.setPosixFilePermissions(
                shared.resolveSibling(PartFiles.DIR_NAME), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> new Downloader(serving(mp4(1000))).download("video_1", Variant.VIDEO, shared, false))
                .isInstanceOf(SoraException.class)
                .hasMessageContaining("is not private to you");
    }

    @Test
    void a_400_character_id_with_base64_punctuation_downloads_fine() throws Exception {
        String id = "bGl0ZWxsbTp" + "a+b/c=".repeat(65) + "==";
        assertThat(id.length()).isGreaterThan(390);
        Path target = dir.resolve("long.mp4");
        Path part = Downloader.partFile(target, id, Variant.VIDEO);
        assertThat(part.getFileName().toString()).hasSizeLessThan(40).doesNotContain("/", "+", "=");
        new Downloader(serving(mp4(1000))).download(id, Variant.VIDEO, target, false);
        assertThat(Files.readAllBytes(target)).isEqualTo(mp4(1000));
    }

    @Test
    void an_image_variant_is_checked_by_content() throws Exception {
        Path target = dir.resolve("thumb.webp");
        assertThatThrownBy(() -> new Downloader(serving("<html>oops</html>".getBytes()))
                        .download("video_1", Variant.THUMBNAIL, target, false))
                .isInstanceOf(SoraException.class)
                .hasMessageContaining("not a whole WebP, JPEG or PNG image");
        assertThat(target).doesNotExist();
    }

    @Test
    void mp4_check_names_what_is_wrong() throws Exception {
        Path ok = Files.write(dir.resolve("ok.mp4"), mp4(10));
        assertThat(Mp4Check.problem(ok)).isEmpty();
        Path text = Files.writeString(dir.resolve("text.mp4"), "hello, not a video");
        assertThat(Mp4Check.problem(text)).get().asString().contains("ftyp");
        ByteArrayOutputStream noMoov = new ByteArrayOutputStream();
        box(noMoov, "ftyp", "isom".getBytes());
        box(noMoov, "mdat", new byte[4]);
        assertThat(Mp4Check.problem(Files.write(dir.resolve("nomoov.mp4"), noMoov.toByteArray())))
                .get()
                .asString()
                .contains("moov");
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .toList();
        }
    }
}
