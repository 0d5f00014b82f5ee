package dev.sora4j.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.InputReference;
import dev.sora4j.prompt.PromptFields;
import dev.sora4j.rules.Profile;
import dev.sora4j.rules.VideoRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsFileTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private List<BatchJob> read(BatchDefaults defaults, String... lines) throws Exception {
        Path file = Files.write(dir.resolve("jobs.jsonl"), List.of(lines));
        return new JobsFile(VideoRules.of(Profile.GUIDE), defaults, warnings::add).read(file);
    }

    @Test
    void strings_objects_comments_and_defaults() throws Exception {
        BatchDefaults defaults =
                new BatchDefaults("sora-2-pro", "1920x1080", "8", List.of("char_a"), null, PromptFields.none(), false);
        List<BatchJob> jobs = read(
                defaults,
                "# a comment",
                "",
                "A plain prompt",
                "\"A quoted one\"",
                "{\"prompt\": \"An object\", \"seconds\": 12, \"characters\": [{\"id\": \"char_b\"}, \"char_c\"]}",
                "{\"prompt\": \"Ids\", \"character_ids\": \"char_d, char_e\", \"note\": \"ignored\"}");

        assertThat(jobs).extracting(BatchJob::line).containsExactly(3, 4, 5, 6);
        assertThat(jobs.get(0).request().prompt()).isEqualTo("A plain prompt");
        assertThat(jobs.get(0).request().size()).isEqualTo("1920x1080");
        assertThat(jobs.get(0).request().characterIds()).containsExactly("char_a");
        assertThat(jobs.get(1).request().prompt()).isEqualTo("A quoted one");
        assertThat(jobs.get(2).request().seconds()).isEqualTo("12");
        assertThat(jobs.get(2).request().characterIds()).containsExactly("char_b", "char_c");
        assertThat(jobs.get(3).request().characterIds()).containsExactly("char_d", "char_e");
        assertThat(jobs.get(0).outName()).isEqualTo("001-a-plain-prompt.json");
        assertThat(warnings).containsExactly("line 6: ignoring unknown key 'note'");
    }

    @Test
    void augmentation_merges_flags_then_fields_then_top_level_keys() throws Exception {
        PromptFields flags = PromptFields.fromMap(
                java.util.Map.of("camera", "flag camera", "style", "flag style", "lighting", "flag light"));
        BatchDefaults defaults = new BatchDefaults(null, null, null, null, null, flags, true);
        List<BatchJob> jobs = read(
                defaults,
                "{\"prompt\": \"Boat\", \"fields\": {\"camera\": \"fields camera\", \"style\": \"fields style\"}, \"style\": \"top style\"}");
        assertThat(jobs.get(0).request().prompt())
                .isEqualTo(String.join(
                        "\n",
                        "Primary request: Boat",
                        "Camera: fields camera",
                        "Lighting/mood: flag light",
                        "Style/format: top style"));
        read(defaults, "Primary request: already structured");
        assertThat(warnings).singleElement().asString().contains("line 1").contains("wraps it twice");
    }

    @Test
    void input_references_and_out_names_stay_inside_the_output_dir() throws Exception {
        Files.write(dir.resolve("frame.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        List<BatchJob> jobs = read(
                BatchDefaults.none(),
                "{\"prompt\": \"a\", \"input_reference\": \"frame.png\", \"out\": \"../../escape.json\"}",
                "{\"prompt\": \"b\", \"input_reference\": {\"image_url\": \"https://x/y.png\"}, \"out\": \"/etc/passwd\"}",
                "{\"prompt\": \"c\", \"input_reference_file_id\": \"file-1\", \"out\": \"named\"}");
        assertThat(jobs.get(0).request().inputReference())
                .isEqualTo(new InputReference.ImageFile(dir.resolve("frame.png")));
        assertThat(jobs.get(1).request().inputReference()).isEqualTo(new InputReference.ImageUrl("https://x/y.png"));
        assertThat(jobs.get(2).request().inputReference()).isEqualTo(new InputReference.FileId("file-1"));
        assertThat(jobs).extracting(BatchJob::outName).containsExactly("escape.json", "passwd.json", "named.json");
        assertThat(BatchRunner.resultPath(dir.resolve("out"), jobs.get(0))).isEqualTo(dir.resolve("out/escape.json"));
    }

    @Test
    void bad_lines_name_their_line_number() {
        assertThatThrownBy(() -> read(BatchDefaults.none(), "ok", "{\"prompt\": \"x\", \"size\": \"1920x1080\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("1920x1080");
        assertThatThrownBy(() -> read(BatchDefaults.none(), "{\"seconds\": \"4\"}"))
                .hasMessageContaining("line 1: missing prompt");
        assertThatThrownBy(() -> read(
                        BatchDefaults.none(),
                        "{\"prompt\": \"x\", \"out\": \"a\"}",
                        "{\"prompt\": \"y\", \"out\": \"a.json\"}"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("also the output of line 1");
        assertThatThrownBy(
                        () -> read(BatchDefaults.none(), "{\"prompt\": \"x\", \"input_reference\": \"missing.png\"}"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("missing.png");
        assertThatThrownBy(() -> read(BatchDefaults.none(), "# only comments")).hasMessageContaining("no jobs");
        assertThatThrownBy(() ->
                        read(BatchDefaults.none(), Collections.nCopies(201, "p").toArray(String[]::new)))
                .hasMessageContaining("more than 200 jobs");
    }

    @Test
    void slugs_follow_the_reference_cli() {
        assertThat(JobsFile.slug("  A Cat -- on a MAT!  ")).isEqualTo("a-cat-on-a-mat");
        assertThat(JobsFile.slug("!!!")).isEqualTo("job");
        assertThat(JobsFile.slug("x".repeat(100))).hasSize(60);
    }
}
