package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.testing.PveCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DescriptionTest {

    static Stream<Arguments> decodings() {
        return Stream.of(
                Arguments.of("50%OFF", "50%OFF"),
                Arguments.of("a%41b", "aAb"),
                Arguments.of("a%3ab%3Ac", "a:b:c"),
                Arguments.of("%C3%BC", "ü"),
                Arguments.of("%c3%bc", "ü"),
                Arguments.of("caf%E9", "caf\uFFFD"),
                Arguments.of("caf\uDCE9", "caf\uFFFD"),
                Arguments.of("%C3x", "\uFFFDx"),
                Arguments.of("%", "%"),
                Arguments.of("%4", "%4"),
                Arguments.of("%%41", "%A"),
                Arguments.of("%4G", "%4G"),
                Arguments.of("%00", "\0"),
                Arguments.of("tab\there", "tab\there"),
                Arguments.of("%F0%9F%98%80 ok", "😀 ok"),
                Arguments.of("été", "été"),
                Arguments.of(" x ", " x "));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("decodings")
    @DisplayName("decode_text: %XX in either case becomes a byte, then UTF-8 with U+FFFD for invalid bytes")
    void decode(String encoded, String decoded) {
        assertThat(Description.decode(encoded)).isEqualTo(decoded);
    }

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("50%OFF", List.of("#50%25OFF")),
                Arguments.of("a: b", List.of("#a%3A b")),
                Arguments.of("tab\there\nété", List.of("#tab%09here", "#%C3%A9t%C3%A9")),
                Arguments.of("\nx", List.of("#", "#x")),
                Arguments.of("x\n\n\n", List.of("#x")),
                Arguments.of("a\n\nb\n", List.of("#a", "#", "#b")),
                Arguments.of("\n\n", List.of()),
                Arguments.of("", List.of()),
                Arguments.of("0", List.of()),
                Arguments.of("0\n", List.of("#0")),
                Arguments.of("a\r", List.of("#a%0D")),
                Arguments.of("~ #<>'\";!&=?", List.of("#~ #<>'\";!&=?")),
                Arguments.of("\u007F\u0001", List.of("#%7F%01")),
                Arguments.of("\uD800", List.of("#%EF%BF%BD")),
                Arguments.of("<a href='https://x.y'>", List.of("#<a href='https%3A//x.y'>")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("encodings")
    @DisplayName("encode_text: split on LF (trailing empties lost), bytes outside 20-24 26-39 3B-7E as %XX")
    void encode(String text, List<String> lines) {
        assertThat(Description.encode(text)).containsExactlyElementsOf(lines);
        assertThat(new Description(text).encode()).containsExactlyElementsOf(lines);
    }

    static Stream<Arguments> sections() {
        return Stream.of(
                Arguments.of("#a\ndescription: b\n", "a\nb"),
                Arguments.of("description: b\n#a\n", "ba\n"),
                Arguments.of("# top\narch: amd64\n# middle\nmemory: 512\n#end\n", " top\n middle\nend\n"),
                Arguments.of("  # indented\n#kept\n", "kept\n"),
                Arguments.of("#0\n", "0\n"),
                Arguments.of("description: 0\n", ""),
                Arguments.of("description:   x%3Ay  \n", "x:y"),
                Arguments.of("#crlf\r\narch: amd64\r\n", "crlf\r\n"),
                Arguments.of("arch: amd64\n", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("sections")
    @DisplayName("a section's description: every column-0 comment plus description: values, in order")
    void ofSection(String text, String expected) {
        LxcConfig config = LxcConfig.reader().dialect(Dialect.PROXMOX).parse(text);
        Description d = Description.of(config.mainSection());
        assertThat(d.text()).isEqualTo(expected);
        assertThat(d.isEmpty()).isEqualTo(expected.isEmpty());
    }

    @Test
    @DisplayName("the two important synthetic files give exactly the # lines Proxmox wrote")
    void syntheticGoldens() {
        LxcConfig encoding = PveCorpus.input("synthetic/edge-comment-encoding.conf").config();
        assertThat(encoding.proxmox().description().text())
                .isEqualTo("50%OFF\naAb\ncaf\uFFFD\ntab\there\nété\n\n\n");
        assertThat(encoding.proxmox().description().encode())
                .containsExactly("#50%25OFF", "#aAb", "#caf%EF%BF%BD", "#tab%09here", "#%C3%A9t%C3%A9");
        assertThat(encoding.proxmox().pending().orElseThrow().description().encode())
                .containsExactly("#only a comment");

        LxcConfig mixed = PveCorpus.input("synthetic/edge-mixed-comments-invalid-lines-sections.conf").config();
        assertThat(mixed.proxmox().description().encode()).containsExactly(
                "# top comment%3A with colon and 100%25 and %C3%BC", "# middle comment",
                "#extra%3Atexttrailing comment");
        assertThat(mixed.proxmox().snapshot("snap1").orElseThrow().description().encode())
                .containsExactly("#snap comment", "# later snap comment");
        assertThat(mixed.proxmox().pending().orElseThrow().description().encode())
                .containsExactly("#pending comment");
    }

    /** Every corpus input Proxmox could write back. */
    static Stream<PveCorpus.Input> rewritten() {
        return PveCorpus.inputs().stream().filter(i -> i.rewrite().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewritten")
    @DisplayName("golden: decode then encode each section's description gives Proxmox's # lines byte for byte")
    void golden(PveCorpus.Input input) throws IOException {
        Map<String, List<String>> expected = commentsPerSection(Files.readAllBytes(input.rewrite().orElseThrow()));
        ProxmoxSettings pve = input.config().proxmox();
        Map<String, List<String>> actual = new LinkedHashMap<>();
        actual.put("", pve.description().encode());
        pve.pending().filter(p -> expected.containsKey("pve:pending") || !p.description().isEmpty())
                .ifPresent(p -> actual.put("pve:pending", p.description().encode()));
        pve.snapshots().forEach(s -> actual.put(s.name(), s.description().encode()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    @DisplayName("the golden comparison covers the files that matter")
    void goldenCoverage() {
        List<String> names = rewritten().map(PveCorpus.Input::name).toList();
        assertThat(names).contains("synthetic/edge-comment-encoding.conf",
                "synthetic/edge-mixed-comments-invalid-lines-sections.conf",
                "synthetic/edge-crlf-duplicates-case-pending.conf");
        // every input but the one Proxmox crashed on while writing
        assertThat(PveCorpus.inputs()).hasSize(names.size() + 1)
                .filteredOn(i -> i.rewrite().isEmpty()).extracting(PveCorpus.Input::name)
                .containsExactly("synthetic/edge-type-checks-internal-keys.conf");
    }

    /** The # lines right after each header of a file Proxmox wrote ("" for the main section), as bytes. */
    private static Map<String, List<String>> commentsPerSection(byte[] bytes) {
        // ISO-8859-1 maps each byte to one char, so comparing strings compares bytes
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Map<String, List<String>> out = new LinkedHashMap<>();
        String section = "";
        List<String> current = new ArrayList<>();
        boolean inComments = true;
        out.put(section, current);
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                current = new ArrayList<>();
                out.put(section, current);
                inComments = true;
            } else if (inComments && line.startsWith("#")) {
                current.add(line);
            } else {
                inComments = false;
            }
        }
        return out;
    }

    @Test
    @DisplayName("description records compare by text")
    void equality() {
        assertThat(new Description("a\n")).isEqualTo(new Description("a\n")).isNotEqualTo(new Description("a"));
    }
}
