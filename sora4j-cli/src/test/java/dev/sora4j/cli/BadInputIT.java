package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.sora4j.options.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table (issue 11, acceptance 2): every row runs {@code sora} in-process through
 * picocli and must end with its exit code and message, in one {@code Error:} line, with no stack
 * trace or exception class name, and without a single request reaching the server that
 * {@code OPENAI_BASE_URL} points at (a counting HTTP server on port 0).
 *
 * <p>Row format: {@code exit | fragment [&& fragment] [&& !absent] | args}. Args split on spaces;
 * {@code '...'} groups; {@code {name}} is a fixture path or value; {@code ENV:K=V} sets (or, with an
 * empty V, unsets) an environment variable for that row.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadInputIT {
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w+(Exception|Error)\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [a-z]+\\.");
    private static final String LITELLM_ID = "video_bGl0ZWxsbTpjdXN0b21fbGxtX3Byb3ZpZGVyOm9wZW5haTttb2RlbF9pZDo7"
            + "dmlkZW9faWQ6ZGExYjFmYzMtNGM2ZS00ZjBhLWI5YjEtM2Y0ZDg2ZDEyYWNlOzE3OTYyMTc2MzQ+fg==";

    static final String ROWS = """
            # prompt and prompt files
            2 | --prompt-file {empty} is empty (or only whitespace) | create --prompt-file {empty}
            2 | is empty (or only whitespace) | create --prompt-file {blank}
            2 | is empty (or only whitespace) | create-and-poll --prompt-file {blank} --download
            2 | --prompt-file {dir} is a directory | create --prompt-file {dir}
            2 | is not UTF-8 text (invalid byte 0xE9 at offset 4) | create --prompt-file {latin1}
            2 | file not found | create --prompt-file {dir}/missing.txt
            2 | Missing prompt | create --prompt ''
            2 | Missing prompt | create --prompt '   '
            2 | not both | create --prompt x --prompt-file {prompt}
            2 | is a directory | remix --id video_1 --prompt-file {dir}
            2 | is not UTF-8 text | extend --id video_1 --prompt-file {latin1}
            2 | is empty (or only whitespace) | edit --id video_1 --prompt-file {blank}
            # ids
            2 | --id 'video_1/x' contains a path separator ('/') | status --id video_1/x
            2 | contains a path separator ('\\') | status --id 'video\\1'
            2 | contains '..' | status --id video..1
            2 | contains whitespace | status --id 'video 1'
            2 | contains the control character U+0007 | status --id video_{bel}1
            2 | contains the control character U+200B | status --id video_{zwsp}1
            2 | is 513 characters long; ids are at most 512 | status --id {long}
            2 | --id is empty | status --id ''
            2 | --character-id 'char 1' contains whitespace | create --prompt x --character-id 'char 1' --dry-run
            2 | --input-reference-file-id 'file/x' contains a path separator | create --prompt x --input-reference-file-id file/x --dry-run
            2 | --after 'a b' contains whitespace | list --after 'a b'
            2 | contains a path separator | get-character --id char/1
            2 | contains whitespace | delete --id 'video 1' --dry-run
            2 | contains a path separator | download --id ../etc/passwd
            2 | contains whitespace | edit --id 'video 1' --prompt x
            2 | contains whitespace | poll --id 'video 1'
            0 | {litellm} | delete --id {litellm} --dry-run
            0 | video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5 | delete --id video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5 --dry-run
            0 | video_gen_0123456789abcdef0123456789abcdef | delete --id video_gen_0123456789abcdef0123456789abcdef --dry-run
            2 | --id @abc is not a ledger reference | status --id @abc
            2 | --id @0 is not a ledger reference | status --id @0
            2 | --id @99: no such job in the ledger | status --id @99
            2 | --id @last: the ledger has no video job | status --id @last
            # values the rules refuse
            2 | --size '1920x1080' | create --prompt x --size 1920x1080 --dry-run
            2 | --seconds | create --prompt x --seconds 7 --dry-run
            2 | --model | create --prompt x --model gpt-4o --dry-run
            2 | --profile 'bogus' is not known | --profile bogus create --prompt x --dry-run
            2 | --auth-header 'token' is not known | --auth-header token create --prompt x --dry-run
            2 | variant 'gif' is not supported | download --id video_1 --variant gif
            2 | --limit must be between 1 and 100 | list --limit 0
            2 | --order must be one of | list --order up
            2 | --poll-interval must be > 0 | poll --id video_1 --poll-interval 0
            2 | Invalid value for option '--concurrency' | create-batch --input {jobs} --out-dir {out} --concurrency many
            2 | Missing required option | status
            # output files
            2 | --json-out {existing} exists; add --force | create --prompt x --dry-run --json-out {existing}
            0 | Wrote {forced} | create --prompt x --dry-run --json-out {forced} --force
            2 | {file} is a file, not a directory | download --id video_1 --out {file}/sub/clip.mp4
            2 | permission denied | download --id video_1 --out {unwritable}/clip.mp4
            2 | Output exists: {existingmp4} | download --id video_1 --out {existingmp4}
            2 | Output exists: {videodir}/video.mp4 | download --id video_1 --out {videodir}
            2 | Output exists: {videodir}/thumbnail.webp | download --id video_1 --variant thumbnail --out {videodir}/
            2 | --out-dir {file} is a file, not a directory | create-batch --input {jobs} --out-dir {file} --dry-run
            2 | --json-out {unwritable}/status.json: permission denied | status --id video_1 --json-out {unwritable}/status.json
            2 | is a file, not a directory | poll --id video_1 --download --out {file}/clip.mp4
            2 | Output exists: {existingmp4} | create-and-poll --prompt x --download --out {existingmp4}
            # conflicting and ignored flags, mistyped commands
            2 | --offline and --base-url contradict each other | --offline --base-url {url} status --id video_1
            2 | Warning: --variant has no effect without --download && contains whitespace | poll --id 'a b' --variant thumbnail
            2 | Warning: --force has no effect without --download or --json-out && contains whitespace | poll --id 'a b' --force
            4 | Warning: --out has no effect without --download && OPENAI_API_KEY is not set | ENV:OPENAI_API_KEY= create-and-poll --prompt x --out clip.mp4
            2 | 'craete' is not a sora command; did you mean create? | craete --prompt x
            2 | unknown option '--promt' for sora create; did you mean --prompt? | create --promt x
            2 | missing command |
            0 | removed on 2026-09-24 | --help
            # base URLs
            2 | 'localhost:4000/v1' has no http:// or https:// scheme | --base-url localhost:4000/v1 status --id video_1
            2 | 'ftp://host/v1' must start with http:// or https:// | --base-url ftp://host/v1 status --id video_1
            2 | is not a URL && https://***@exa mple/v1 && !s3cret | --base-url 'https://user:s3cret@exa mple/v1' status --id video_1
            2 | has no host name | --base-url http:///v1 status --id video_1
            0 | Warning: --base-url 'http://127.0.0.1:9' does not end in /v1 && http://127.0.0.1:9/v1 | --base-url http://127.0.0.1:9 create --prompt x --dry-run
            0 | ?*** && !k3y | --base-url http://127.0.0.1:9?key=k3y create --prompt x --dry-run
            4 | OPENAI_BASE_URL: 'notaurl' has no http:// or https:// scheme | ENV:OPENAI_BASE_URL=notaurl status --id video_1
            # jobs files for create-batch
            2 | jobs-malformed.jsonl line 2: invalid JSON: unexpected '}' at column 16 (keys need double quotes && !code 125 && !Source | create-batch --input {malformed} --out-dir {out} --dry-run
            2 | line 1: invalid JSON: the line ends inside a string, object or list | create-batch --input {truncated} --out-dir {out} --dry-run
            2 | line 1: invalid JSON: unexpected 'p' at column 2 | create-batch --input {unquoted} --out-dir {out} --dry-run
            0 | Warning: line 1: ignoring unknown key 'sedonds' (did you mean 'seconds'?) | create-batch --input {typo} --out-dir {out} --dry-run
            2 | jobs-badvalue.jsonl line 1: seconds | create-batch --input {badvalue} --out-dir {out} --dry-run
            2 | jobs-noprompt.jsonl line 1: missing prompt | create-batch --input {noprompt} --out-dir {out} --dry-run
            2 | has more than 200 jobs | create-batch --input {many} --out-dir {out} --dry-run
            2 | line 2: output 'a.json' is also the output of line 1 | create-batch --input {dupout} --out-dir {out} --dry-run
            2 | line 1: character id 'char 1' contains whitespace | create-batch --input {badchar} --out-dir {out} --dry-run
            2 | --input {dir} is a directory | create-batch --input {dir} --out-dir {out} --dry-run
            2 | --input {latin1} is not UTF-8 text | create-batch --input {latin1} --out-dir {out} --dry-run
            2 | has no jobs | create-batch --input {blank} --out-dir {out} --dry-run
            2 | --input {dir}/nope.jsonl: file not found | create-batch --input {dir}/nope.jsonl --out-dir {out} --dry-run
            # configuration
            4 | {cfgprofile}/config.properties, key profile: 'bogus' is not a profile && !--profile | ENV:SORA4J_HOME={cfgprofile} create --prompt x --dry-run
            4 | SORA4J_PROFILE: 'nope' is not a profile; use guide, spec or open | ENV:SORA4J_PROFILE=nope create --prompt x --dry-run
            4 | key auth-header: 'token' is not an auth header && !--auth-header | ENV:SORA4J_HOME={cfgauth} status --id video_1
            4 | key base-url: 'localhost:4000' has no http:// or https:// scheme | ENV:SORA4J_HOME={cfgbase} ENV:OPENAI_BASE_URL= status --id video_1
            4 | key price.sora-2: 'cheap' is not a price | ENV:SORA4J_HOME={cfgprice} create --prompt x --dry-run
            4 | has a malformed \\uXXXX escape | ENV:SORA4J_HOME={cfgescape} status --id video_1
            # the emulator and its state
            2 | {file} is a file where a directory is needed | emulator --state-dir {file}
            2 | port {busyport} is in use; pick another with --port, or --port 0 | emulator --port {busyport}
            """;

    @TempDir
    static Path dir;

    static HttpServer server;
    static final AtomicInteger requests = new AtomicInteger();
    static ServerSocket busy;
    static final Map<String, String> fixtures = new HashMap<>();
    static final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";

        Path home = Files.createDirectories(dir.resolve("home"));
        env.put("SORA4J_HOME", home.toString());
        env.put("OPENAI_API_KEY", "sk-test-bad-input-0123456789");
        env.put("OPENAI_BASE_URL", url);

        fixtures.put("url", url);
        fixtures.put("busyport", String.valueOf(busy.getLocalPort()));
        fixtures.put("bel", "\u0007");
        fixtures.put("zwsp", "\u200B");
        fixtures.put("long", "video_" + "a".repeat(507));
        fixtures.put("litellm", LITELLM_ID);
        fixtures.put("dir", Files.createDirectories(dir.resolve("a-dir")).toString());
        fixtures.put("out", dir.resolve("out").toString());
        fixtures.put("empty", write("empty.txt", ""));
        fixtures.put("blank", write("blank.txt", "  \n\t \n"));
        fixtures.put("prompt", write("prompt.txt", "A paper boat"));
        fixtures.put("latin1", writeBytes("latin1.txt", new byte[] {'C', 'a', 'f', 'e', (byte) 0xE9, '\n'}));
        fixtures.put("file", write("a-file.txt", "not a directory"));
        fixtures.put("existing", write("existing.json", "{}"));
        fixtures.put("forced", write("forced.json", "{}"));
        fixtures.put("existingmp4", write("existing.mp4", "old"));
        Path videoDir = Files.createDirectories(dir.resolve("videos"));
        Files.writeString(videoDir.resolve("video.mp4"), "old");
        Files.writeString(videoDir.resolve("thumbnail.webp"), "old");
        fixtures.put("videodir", videoDir.toString());
        fixtures.put("unwritable", unwritableDirectory());

        fixtures.put("jobs", write("jobs.jsonl", "{\"prompt\": \"A kite\"}\n"));
        fixtures.put("malformed", write("jobs-malformed.jsonl", "\"A kite\"\n{\"prompt\": \"x\",}\n"));
        fixtures.put("truncated", write("jobs-truncated.jsonl", "{\"prompt\": \"x\n"));
        fixtures.put("unquoted", write("jobs-unquoted.jsonl", "{prompt: \"x\"}\n"));
        fixtures.put("typo", write("jobs-typo.jsonl", "{\"prompt\": \"A kite\", \"sedonds\": \"8\"}\n"));
        fixtures.put("badvalue", write("jobs-badvalue.jsonl", "{\"prompt\": \"A kite\", \"seconds\": \"7\"}\n"));
        fixtures.put("noprompt", write("jobs-noprompt.jsonl", "{\"seconds\": \"8\"}\n"));
        fixtures.put("many", write("jobs-many.jsonl", "\"A kite\"\n".repeat(201)));
        fixtures.put(
                "dupout",
                write(
                        "jobs-dupout.jsonl",
                        "{\"prompt\": \"a\", \"out\": \"a\"}\n{\"prompt\": \"b\", \"out\": \"a\"}\n"));
        fixtures.put(
                "badchar", write("jobs-badchar.jsonl", "{\"prompt\": \"A kite\", \"characters\": [\"char 1\"]}\n"));

        fixtures.put("cfgprofile", configHome("cfg-profile", "profile=bogus\n"));
        fixtures.put("cfgauth", configHome("cfg-auth", "auth-header=token\n"));
        fixtures.put("cfgbase", configHome("cfg-base", "base-url=localhost:4000\n"));
        fixtures.put("cfgprice", configHome("cfg-price", "price.sora-2=cheap\n"));
        fixtures.put("cfgescape", configHome("cfg-escape", "profile=\\u12\n"));
    }

    @AfterAll
    static void tearDown() throws IOException {
        server.stop(0);
        busy.close();
    }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : ROWS.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(" \\| ", 3);
            String args = cols.length > 2 ? cols[2] : "";
            if (cols.length == 2 && cols[1].endsWith(" |")) {
                cols = new String[] {cols[0], cols[1].substring(0, cols[1].length() - 2), ""};
            }
            rows.add(Arguments.of(Integer.parseInt(cols[0].strip()), cols[1].strip(), args.strip()));
        }
        return rows.stream();
    }

    @Test
    void the_table_has_at_least_60_rows() {
        assertThat(rows().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "[{index}] exit {0}: sora {2}")
    @MethodSource("rows")
    void bad_input_is_refused_locally_with_one_clear_line(int exit, String fragments, String args) {
        Map<String, String> rowEnv = new HashMap<>(env);
        List<String> argv = new ArrayList<>();
        for (String token : tokens(args)) {
            String t = substitute(token);
            if (t.startsWith("ENV:")) {
                String[] kv = t.substring(4).split("=", 2);
                rowEnv.put(kv[0], kv[1]);
            } else {
                argv.add(t);
            }
        }
        if (args.contains("{unwritable}")) {
            assumeTrue(!fixtures.get("unwritable").isEmpty(), "no unwritable directory on this machine");
        }
        int before = requests.get();
        Sleeper noSleep = d -> {
            throw new AssertionError("a bad-input row must not wait");
        };
        CliRun.Result r = new CliRun(
                        rowEnv, Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC), noSleep)
                .run(argv.toArray(String[]::new));

        String all = r.out() + r.err();
        assertThat(r.code()).as(all).isEqualTo(exit);
        for (String fragment : fragments.split(" && ")) {
            String f = substitute(fragment);
            if (f.startsWith("!")) {
                assertThat(all).as("must not show").doesNotContain(f.substring(1));
            } else {
                assertThat(exit == 0 ? all : r.err()).contains(f);
            }
        }
        long errorLines = r.err().lines().filter(l -> l.startsWith("Error:")).count();
        assertThat(errorLines).as(r.err()).isEqualTo(exit == 0 ? 0 : 1);
        assertThat(r.err()).doesNotContain("Error: Error:");
        assertThat(STACK_FRAME.matcher(r.err()).find()).as(r.err()).isFalse();
        assertThat(EXCEPTION_NAME.matcher(r.err()).find()).as(r.err()).isFalse();
        assertThat(requests.get()).as("requests that reached the server").isEqualTo(before);
    }

    private static List<String> tokens(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        boolean quoted = false;
        for (char c : args.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                current = current == null ? new StringBuilder() : current;
            } else if (c == ' ' && !quoted) {
                if (current != null) {
                    out.add(current.toString());
                    current = null;
                }
            } else {
                current = current == null ? new StringBuilder() : current;
                current.append(c);
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    private static String substitute(String s) {
        String out = s;
        for (Map.Entry<String, String> e : fixtures.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    private static String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8)
                .toString();
    }

    private static String writeBytes(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes).toString();
    }

    private static String configHome(String name, String config) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("config.properties"), config);
        return home.toString();
    }

    /** A read-only directory; as root (which may write anywhere) /sys, where nothing can be created. */
    private static String unwritableDirectory() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        locked.toFile().setWritable(false, false);
        for (Path candidate : List.of(locked, Path.of("/sys"))) {
            if (Files.isDirectory(candidate) && !canCreateIn(candidate)) {
                return candidate.toString();
            }
        }
        return "";
    }

    private static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".probe-", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
