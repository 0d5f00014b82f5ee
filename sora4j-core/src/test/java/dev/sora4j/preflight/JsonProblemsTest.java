package dev.sora4j.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonProblemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"prompt": "x",}          | unexpected '}' at column 16 (keys need double quotes
            {prompt: "x"}             | unexpected 'p' at column 2
            {"prompt" "x"}            | unexpected '"' at column 11 (a ':' is missing after a key)
            {"prompt": "x" "seconds"} | (a ',' is missing between two entries)
            {"prompt": x}             | unexpected word 'x' at column 12 (text values need double quotes)
            {"prompt": "x             | the line ends inside a string, object or list
            """)
    void says_what_is_wrong_without_parser_internals(String line, String expected) {
        String described = describe(line.strip());
        assertThat(described).contains(expected.strip());
        assertThat(described).doesNotContain("Source:", "code ", "Exception", "JsonToken");
    }

    private static String describe(String line) {
        try {
            JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return JsonProblems.describe(e);
        }
        throw new AssertionError("valid JSON: " + line);
    }
}
