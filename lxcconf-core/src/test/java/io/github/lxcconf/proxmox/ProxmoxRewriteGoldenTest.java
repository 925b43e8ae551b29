package io.github.lxcconf.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.testing.PveCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every input under {@code corpus/pve/}, the rewrite is byte for byte what Proxmox wrote
 * ({@code proxmox-rewrite/<same path>}), and the warnings are what it printed ({@code .warnings},
 * none when there is no file). The input whose write crashed Proxmox ({@code .CRASH.warnings}) is
 * refused, with the same warnings before the crash.
 */
class ProxmoxRewriteGoldenTest {
    static Stream<PveCorpus.Input> inputs() {
        return PveCorpus.inputs().stream();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Proxmox's warnings as lines; the writer's crash message (not a warning) is left out. */
    private static List<String> expectedWarningLines(PveCorpus.Input input) {
        if (input.warnings().isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(read(input.warnings().get()).split("\n")));
        lines.removeIf(l -> l.startsWith("Can't use string"));
        return lines;
    }

    private static List<String> ourWarningLines(ProxmoxRewrite r) {
        List<String> out = new ArrayList<>();
        // a warning's bytes are the file's bytes (ISO-8859-1 one to one), like the .warnings file read above
        r.warnings().forEach(w -> out.addAll(List.of(w.split("\n"))));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @DisplayName("the rewrite and the warnings equal Proxmox's, byte for byte")
    void sameAsProxmox(PveCorpus.Input input) throws IOException {
        ProxmoxRewrite rewrite = ProxmoxRewrite.of(input.name(), input.bytes());
        assertThat(ourWarningLines(rewrite)).as("warnings of %s", input.name())
                .containsExactlyElementsOf(expectedWarningLines(input));
        boolean crashed = input.warnings().map(p -> p.getFileName().toString().endsWith(".CRASH.warnings"))
                .orElse(false);
        if (crashed) {
            assertThat(input.rewrite()).isEmpty();
            assertThat(rewrite.refusal()).hasValueSatisfying(m -> assertThat(m).contains("'pending'"));
            assertThatThrownBy(rewrite::bytes).isInstanceOf(ProxmoxRewriteRefusedException.class);
        } else {
            assertThat(input.rewrite()).as("Proxmox's output for %s", input.name()).isPresent();
            byte[] expected = Files.readAllBytes(input.rewrite().get());
            assertThat(new String(rewrite.bytes(), StandardCharsets.ISO_8859_1)).as("rewrite of %s", input.name())
                    .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
            assertThat(rewrite.bytes()).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("the corpus has 135 inputs: 134 rewrites and one crash")
    void coverage() {
        List<PveCorpus.Input> all = PveCorpus.inputs();
        assertThat(all).hasSize(135);
        assertThat(all.stream().filter(i -> i.rewrite().isPresent())).hasSize(134);
    }

    @Test
    @DisplayName("the rewrite is a fixed point: rewriting Proxmox's output gives the same bytes")
    void fixedPoint() {
        for (PveCorpus.Input input : PveCorpus.inputs()) {
            if (input.rewrite().isEmpty()) {
                continue;
            }
            byte[] once = ProxmoxRewrite.of(input.name(), input.bytes()).bytes();
            byte[] twice = ProxmoxRewrite.of(input.name(), once).bytes();
            assertThat(twice).as("second rewrite of %s", input.name()).isEqualTo(once);
        }
    }
}
