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
