package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The README's table of diagnostic codes lists every code, so that a code never ships undocumented. */
class DiagnosticCodesDocumentedTest {
    @Test
    void everyCodeIsInTheReadme() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        assertThat(Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id))
                .allSatisfy(id -> assertThat(text).as("README row for %s", id).contains("| " + id + " |"));
    }
}
