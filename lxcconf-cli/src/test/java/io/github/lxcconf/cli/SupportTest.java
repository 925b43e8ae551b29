package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SupportTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|`\"plain\"`",
            "a\"b|`\"a\\\"b\"`",
            "back\\slash|`\"back\\\\slash\"`",
            "caf\u00e9 \u2014 \uD83D\uDE00|`\"caf\u00e9 \u2014 \uD83D\uDE00\"`",
    })
    void jsonStrings(String text, String json) {
        assertThat(Json.string(text)).isEqualTo(json);
        assertThat(MiniJson.parse(json)).isEqualTo(text);
    }

    @Test
    void jsonEscapesControlCharactersAndLoneSurrogates() {
        String text = "a\nb\r\tc\b\f\u0000\u001b\u007f\u0085\u2028\uD800x";
        String json = Json.string(text);
        assertThat(json).isEqualTo("\"a\\nb\\r\\tc\\b\\f\\u0000\\u001b\\u007f\\u0085\\u2028\\ud800x\"");
        assertThat(MiniJson.parse(json)).isEqualTo(text);
    }

    @Test
    void aStringWrittenAsItIsIsOneNothingInItNeedsEscaping() {
        // Json.string writes a text without escapes as it is; every character must agree with the escaping writer
        int asItIs = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = "a" + (char) c + "b";
            StringBuilder escaped = new StringBuilder("\"");
            Json.Chars chars = new Json.Chars(escaped);
            chars.append(text);
            chars.finish();
            String expected = escaped.append('"').toString();
            assertThat(Json.string(text)).as("U+%04X", c).isEqualTo(expected);
            StringBuilder written = new StringBuilder();
            Json.string(written, text);
            assertThat(written.toString()).as("U+%04X", c).isEqualTo(expected);
            if (expected.equals("\"" + text + "\"")) {
                asItIs++;
            }
        }
        // all but the C0 and C1 controls, DEL, the quote, the backslash, the surrogates and U+2028/U+2029
        assertThat(asItIs).isEqualTo(65536 - 32 - 1 - 32 - 2 - 2048 - 2);
    }

    @Test
    void pluralsCountAsPeopleDo() {
        assertThat(LintCommand.plural(0, "error")).isEqualTo("0 errors");
        assertThat(LintCommand.plural(1, "error")).isEqualTo("1 error");
        assertThat(LintCommand.plural(2, "file")).isEqualTo("2 files");
    }

    @Test
    void versionComesFromTheFilteredResource() {
        assertThat(VersionProvider.version()).isEqualTo("0.1.0-SNAPSHOT");
    }
}
