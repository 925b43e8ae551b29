package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's first example of output is what the library prints today for the classroom config. */
class ReadmeOutputTest {
    private static final Path README = Path.of("..", "README.md");

    private static LxcConfig classroom() throws IOException, URISyntaxException {
        Path file = Path.of(ReadmeOutputTest.class.getResource("/explain/classroom-102.conf").toURI());
        return LxcConfig.reader().sourceName("classroom-102.conf").parse(Files.readAllBytes(file));
    }

    @Test
    void explanationInTheReadme() throws Exception {
        String text = classroom().explain().toText();
        String fromLine13 = text.substring(text.indexOf(" 13 | ")).stripTrailing();
        assertThat(Files.readString(README)).contains("```\n" + fromLine13 + "\n```\n");
    }

    @Test
    void validationInTheReadme() throws Exception {
        String diagnostics = classroom().validate().diagnostics().stream().map(Diagnostic::toString)
                .collect(Collectors.joining("\n"));
        assertThat(diagnostics).contains("[VAL004]");
        assertThat(Files.readString(README)).contains("```\n" + diagnostics + "\n```\n");
    }
}
