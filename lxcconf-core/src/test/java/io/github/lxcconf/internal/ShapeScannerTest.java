package io.github.lxcconf.internal;

import static io.github.lxcconf.testing.Gen.chars;
import static io.github.lxcconf.testing.Gen.listOf;
import static io.github.lxcconf.testing.Gen.oneOf;
import static io.github.lxcconf.testing.Gen.oneOfValues;
import static io.github.lxcconf.testing.Gen.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.testing.Gen;
import io.github.lxcconf.testing.Property;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The line scanner gives every line the shape that the grammar's lexer and parser give it: texts made of
 * the characters the grammar names (blanks, line ends, '#', '[', ']', '=', ':') between other characters,
 * every corpus file, and the shapes written out by hand for each kind of line.
 */
@DisplayName("Line scanner against the grammar")
class ShapeScannerTest {

    /** Every character the grammar names, and a few it does not. */
    private static final String ALPHABET = " \t\r\n#[]=:ab.\u0000\u00e9\ud83d";

    private static Gen<String> texts() {
        Gen<String> dense = strings(chars(ALPHABET), 0, 40);
        Gen<String> line = oneOfValues("lxc.a = b", "  lxc.a=b  ", "key: v", "key :v", "[snap]", "[x] y ", "[a",
                "#c", "  # c", "=x", ":", "k", "k  ", "k x = y", "k\t=\t", "[]", "[] \t", "", " \t");
        Gen<String> eol = oneOfValues("\n", "\r\n", "\r", "\n\r", "");
        Gen<String> lines = listOf(Gen.combine(oneOf(line, dense), eol, String::concat), 0, 12)
                .map(l -> String.join("", l));
        return oneOf(dense, lines);
    }

    private static String show(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }

    private static void assertSameShapes(String text) {
        RawLines scanned = ShapeScanner.scan(text);
        RawLines grammar = LineScanner.scan(text);
        assertThat(grammar).as("the grammar accepts %s", show(text)).isNotNull();
        int line = scanned.firstDifference(grammar);
        assertThat(line)
                .as("line %d of %s: scanner %s, grammar %s", line + 1, show(text),
                        line >= 0 ? scanned.describe(line) : "", line >= 0 ? grammar.describe(line) : "")
                .isEqualTo(-1);
    }

    @Test
    @DisplayName("generated texts: the scanner and the grammar give the same shapes")
    void generatedTexts(TestInfo test) {
        Property.forAll(test.getDisplayName(), 3000, texts(), ShapeScannerTest::assertSameShapes);
    }

    @Test
    @DisplayName("every kind of line, every line end, and the empty text")
    void eachShape() {
        for (String text : List.of("", "\n", "\r", "\r\n", "\n\r", "x", " ", "\t\t", "#", "# a b ", " #x",
                "[", "[]", "[a", "[a]", "[a] ", "[a]  b c ", "[a]]", "[[a]", " [a]", "=", ":", " = x", ": x",
                "k", "k ", "k=", "k =", "k = ", "k=v", "k = v w ", "k: v", "k :v", "k v", "k v = w ", "k\t\tv",
                "k#[x = y", "lxc.a = \"b\"\r\nlxc.c=d\rx\n", "a\u0000 = b", "\ud83d = \udc00")) {
            assertSameShapes(text);
            assertSameShapes(text + "\n");
            assertSameShapes(text + "\r\n" + text);
        }
    }

    @Test
    @DisplayName("every corpus file, read as ISO-8859-1 so that every byte is one character")
    void corpus() throws IOException {
        Path root = Paths.get(java.util.Objects.requireNonNull(
                ShapeScannerTest.class.getResource("/corpus")).getPath());
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                assertSameShapes(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
    }
}
