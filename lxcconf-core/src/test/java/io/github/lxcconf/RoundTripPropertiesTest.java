package io.github.lxcconf;

import static io.github.lxcconf.testing.Gen.booleans;
import static io.github.lxcconf.testing.Gen.charRange;
import static io.github.lxcconf.testing.Gen.chars;
import static io.github.lxcconf.testing.Gen.combine;
import static io.github.lxcconf.testing.Gen.constant;
import static io.github.lxcconf.testing.Gen.ints;
import static io.github.lxcconf.testing.Gen.listOf;
import static io.github.lxcconf.testing.Gen.longs;
import static io.github.lxcconf.testing.Gen.oneOf;
import static io.github.lxcconf.testing.Gen.oneOfValues;
import static io.github.lxcconf.testing.Gen.strings;
import static io.github.lxcconf.testing.Gen.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.testing.Gen;
import io.github.lxcconf.testing.Property;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Properties of reading: any text and any bytes read back exactly, in every
 * dialect, and well-formed entries are read with the key and value that liblxc
 * and Proxmox see (spec/lxc-format.md §1-2, spec/proxmox-format.md §2).
 *
 * <p>1000 tries a property (500 for valid UTF-8), from a fixed seed; run with
 * {@code -Dlxcconf.seed=N} for other values (see {@link Property}). Long lines
 * (10 000 to 100 000 characters) are in about one generated text in 25, so the
 * class runs in seconds.
 */
@DisplayName("Round trip properties")
class RoundTripPropertiesTest {

    private static final int TRIES = 1000;
    private static final String BOM = "\uFEFF";
    private static final Set<String> LINE_ENDS = Set.of("\n", "\r\n", "\r");

    // ================================================================== any text

    @Test
    @DisplayName("any text: parse never throws and render() gives back the input, detected, LXC and PROXMOX")
    void anyTextRoundTrips(TestInfo test) {
        Property.forAll(test.getDisplayName(), TRIES, configTexts(), text -> {
            assertLossless(LxcConfig.parse(text), text);
            assertLossless(LxcConfig.reader().dialect(Dialect.LXC).parse(text), text);
            assertLossless(LxcConfig.reader().dialect(Dialect.PROXMOX).parse(text), text);
        });
    }

    @Test
    @DisplayName("any string of any characters, lone surrogates included: render() gives back the input")
    void anyStringRoundTrips(TestInfo test) {
        Property.forAll(test.getDisplayName(), TRIES, anyStrings(), text -> {
            assertLossless(LxcConfig.parse(text), text);
            assertLossless(LxcConfig.reader().dialect(Dialect.LXC).parse(text), text);
            assertLossless(LxcConfig.reader().dialect(Dialect.PROXMOX).parse(text), text);
        });
    }

    @Test
    @DisplayName("the empty text, a lone BOM and lone line ends read back exactly")
    void tinyTexts() {
        for (String text : List.of("", BOM, "\n", "\r", "\r\n", "\n\r", BOM + "\r\n", "\u0000", " ", "\t\r")) {
            assertLossless(LxcConfig.parse(text), text);
            assertLossless(LxcConfig.reader().dialect(Dialect.LXC).parse(text), text);
            assertLossless(LxcConfig.reader().dialect(Dialect.PROXMOX).parse(text), text);
        }
        assertThat(LxcConfig.parse("").lines()).isEmpty();
        assertThat(LxcConfig.parse(BOM).lines()).isEmpty();
        assertThat(LxcConfig.parse(BOM).hasByteOrderMark()).isTrue();
    }

    /** render(), the joined line texts and the line ends all give back the input. */
    private static void assertLossless(LxcConfig config, String text) {
        assertThat(config.render()).isEqualTo(text);

        StringBuilder joined = new StringBuilder();
        if (config.hasByteOrderMark()) {
            joined.append(BOM);
        }
        List<Line> lines = config.lines();
        for (Line line : lines) {
            joined.append(line.text());
        }
        assertThat(joined.toString()).as("BOM + joined line texts").isEqualTo(text);
        assertThat(config.hasByteOrderMark()).isEqualTo(text.startsWith(BOM));

        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            assertThat(line.text()).as("text of line %d", i + 1).isNotEmpty().isEqualTo(line.content() + line.eol());
            assertThat(line.content()).as("content of line %d", i + 1).doesNotContain("\n", "\r");
            if (i < lines.size() - 1) {
                assertThat(line.eol()).as("line end of line %d of %d", i + 1, lines.size()).isIn(LINE_ENDS);
            } else {
                assertThat(line.eol()).as("line end of the last line").isIn("", "\n", "\r\n", "\r");
            }
        }
        String body = config.hasByteOrderMark() ? text.substring(1) : text;
        assertThat(lines).as("one line per line end, plus a last line without one").hasSize(expectedLineCount(body));
    }

    private static int expectedLineCount(String body) {
        int ends = 0;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\n') {
                ends++;
            } else if (ch == '\r') {
                ends++;
                if (i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        boolean open = !body.isEmpty() && !body.endsWith("\n") && !body.endsWith("\r");
        return ends + (open ? 1 : 0);
    }

    // ================================================================== any bytes

    @Test
    @DisplayName("any bytes: reader().parse(bytes).toBytes() gives back the bytes")
    void anyBytesRoundTrip(TestInfo test) {
        Property.forAll(test.getDisplayName(), TRIES, configBytes(), bytes -> {
            assertThat(LxcConfig.reader().parse(bytes).toBytes()).isEqualTo(bytes);
            assertThat(LxcConfig.reader().dialect(Dialect.LXC).parse(bytes).toBytes()).isEqualTo(bytes);
            assertThat(LxcConfig.reader().dialect(Dialect.PROXMOX).parse(bytes).toBytes()).isEqualTo(bytes);
        });
    }

    @Test
    @DisplayName("valid UTF-8: render() gives back the decoded text and toBytes() the bytes")
    void validUtf8Bytes(TestInfo test) {
        Property.forAll(test.getDisplayName(), 500, configTexts(), text -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8); // lone surrogates become '?'
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            LxcConfig config = LxcConfig.reader().parse(bytes);
            assertThat(config.render()).isEqualTo(decoded);
            assertThat(config.toBytes()).isEqualTo(bytes);
        });
    }

    // ================================================================== native entries

    /** The parts of {@code indent key beforeEq = afterEq value trailing eol}. */
    private record NativeEntry(String key, String indent, String beforeEq, String afterEq, String value,
                               String trailing, String eol) {
        String text() {
            return indent + key + beforeEq + "=" + afterEq + value + trailing + eol;
        }
    }

    @Test
    @DisplayName("lxc.key = value: one entry with that key and value, dialect LXC")
    void nativeEntry(TestInfo test) {
        Gen<String> keys = lxcKeys();
        Gen<String> blanks = blanks();
        Gen<String> values = lxcValues();
        Gen<String> eols = lineEnds();
        Gen<NativeEntry> entries = r -> new NativeEntry(keys.sample(r), blanks.sample(r), blanks.sample(r),
                blanks.sample(r), values.sample(r), blanks.sample(r), eols.sample(r));
        Property.forAll(test.getDisplayName(), TRIES, entries, e -> {
            LxcConfig config = LxcConfig.parse(e.text());
            assertThat(config.dialect()).isEqualTo(Dialect.LXC);
            EntryLine entry = singleEntry(config);
            assertThat(entry.key()).isEqualTo(e.key());
            assertThat(entry.separator()).isEqualTo("=");
            assertThat(entry.valueRaw()).isEqualTo(e.value());
            assertThat(entry.value()).isEqualTo(e.value());
            assertThat(config.value(e.key())).contains(e.value());
            assertThat(config.errors()).isEmpty();
        });
    }

    /** The parts of {@code key beforeEq = afterEq quote inner quote trailing eol}. */
    private record QuotedEntry(String key, String beforeEq, String afterEq, String quote, String inner,
                               String trailing, String eol) {
        String raw() {
            return quote + inner + quote;
        }

        String text() {
            return key + beforeEq + "=" + afterEq + raw() + trailing + eol;
        }
    }

    @Test
    @DisplayName("lxc.key = 'value' or \"value\": value() is the text inside the quotes")
    void nativeEntryQuoted(TestInfo test) {
        Gen<String> keys = lxcKeys();
        Gen<String> blanks = blanks();
        Gen<String> quotes = quotes();
        Gen<String> inners = quotedInner();
        Gen<String> eols = lineEnds();
        Gen<QuotedEntry> entries = r -> new QuotedEntry(keys.sample(r), blanks.sample(r), blanks.sample(r),
                quotes.sample(r), inners.sample(r), blanks.sample(r), eols.sample(r));
        Property.forAll(test.getDisplayName(), TRIES, entries, e -> {
            EntryLine entry = singleEntry(LxcConfig.parse(e.text()));
            assertThat(entry.key()).isEqualTo(e.key());
            assertThat(entry.valueRaw()).isEqualTo(e.raw());
            assertThat(entry.value()).isEqualTo(e.inner());
        });
    }

    // ================================================================== Proxmox options

    /** The parts of {@code key separator value eol}. */
    private record ProxmoxOption(String key, String separator, String value, String eol) {
        String text() {
            return key + separator + value + eol;
        }
    }

    @Test
    @DisplayName("key: value (Proxmox option): one entry with that key and value, dialect PROXMOX")
    void proxmoxOption(TestInfo test) {
        Gen<ProxmoxOption> options = combine(proxmoxKeys(), proxmoxSeparators(), proxmoxValues(), lineEnds(),
                ProxmoxOption::new);
        Property.forAll(test.getDisplayName(), TRIES, options, o -> {
            LxcConfig config = LxcConfig.parse(o.text());
            assertThat(config.dialect()).isEqualTo(Dialect.PROXMOX);
            EntryLine entry = singleEntry(config);
            assertThat(entry.key()).isEqualTo(o.key());
            assertThat(entry.separator()).isEqualTo(":");
            assertThat(entry.valueRaw()).isEqualTo(o.value());
            assertThat(entry.value()).isEqualTo(o.value());
            assertThat(config.value(o.key())).contains(o.value());
            // the only error a well-formed option can have: a key Proxmox keeps for itself (pending, lxc, ...)
            assertThat(config.errors()).allSatisfy(d -> assertThat(d.code()).isEqualTo(DiagnosticCode.PVE_INTERNAL_KEY));
        });
    }

    private static EntryLine singleEntry(LxcConfig config) {
        assertThat(config.lines()).singleElement().isInstanceOf(EntryLine.class);
        return (EntryLine) config.lines().get(0);
    }

    // ================================================================== generators: entries

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALPHA = LOWER + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static Gen<String> lxcKeys() {
        return strings(chars(LOWER + DIGITS + "._"), 1, 30).map(rest -> "lxc." + rest);
    }

    private static Gen<String> blanks() {
        return strings(chars(" \t"), 0, 4);
    }

    private static Gen<String> lineEnds() {
        return oneOfValues("", "\n", "\r\n", "\r");
    }

    private static Gen<String> quotes() {
        return oneOfValues("\"", "'");
    }

    /**
     * A native value as liblxc reads it: no line end (LF, CR, and NUL, which ends the
     * file for liblxc), no space or tab at either end (liblxc trims those two only),
     * not wrapped in a pair of matching quotes; may be empty.
     */
    private static Gen<String> lxcValues() {
        return valueText().filter(v -> !startsOrEndsWith(v, " \t"))
                .filter(v -> !(v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')
                        && v.charAt(v.length() - 1) == v.charAt(0)));
    }

    /** What goes between quotes: anything without a line end, blanks and quotes included, possibly empty. */
    private static Gen<String> quotedInner() {
        return valueText();
    }

    /** [a-z][a-z_]*\d*, as Proxmox's rule 9; not 'delete', which is read only inside [pve:pending]. */
    private static Gen<String> proxmoxKeys() {
        Gen<Character> first = charRange('a', 'z');
        Gen<String> middle = strings(chars(LOWER + "_"), 0, 15);
        Gen<String> digits = strings(chars(DIGITS), 0, 3);
        Gen<String> common = oneOfValues("arch", "hostname", "memory", "swap", "net0", "net10", "mp0",
                "rootfs", "unused0", "description", "onboot", "ostype", "cores", "features", "dev0", "lock");
        return Gen.<String>oneOf(common, combine(first, middle, digits, (f, m, d) -> f + m + d))
                .filter(k -> !k.equals("delete"));
    }

    private static Gen<String> proxmoxSeparators() {
        return oneOfValues(": ", ":");
    }

    /**
     * A Proxmox value: at least one character, no line end (Proxmox splits on LF, lxcconf
     * also on CR), no whitespace at either end that Perl's \s would trim.
     */
    private static Gen<String> proxmoxValues() {
        return valueText().filter(v -> !v.isEmpty() && !startsOrEndsWith(v, " \t\f\u000B"));
    }

    /** Text without line ends: printable ASCII, config punctuation, Unicode, controls, surrogate pairs. */
    private static Gen<String> valueText() {
        Gen<String> ascii = strings(charRange(' ', '~'), 0, 40);
        Gen<String> punctuation = strings(chars(" \t=:#[]\"'\\,;%abc"), 0, 20);
        Gen<String> unicode = strings(Gen.anyChar(), 0, 20)
                .map(s -> s.replace("\n", "").replace("\r", "").replace("\u0000", ""));
        Gen<String> astral = listOf(Gen.codePoints(0x10000, 0x10FFFF).map(Character::toString), 0, 5)
                .map(l -> String.join("", l));
        return weighted(4, ascii)
                .or(3, punctuation)
                .or(2, unicode)
                .or(1, astral)
                .or(1, combine(ascii, astral, unicode, (a, b, c) -> a + b + c));
    }

    private static boolean startsOrEndsWith(String s, String chars) {
        return !s.isEmpty() && (chars.indexOf(s.charAt(0)) >= 0 || chars.indexOf(s.charAt(s.length() - 1)) >= 0);
    }

    // ================================================================== generators: texts

    /**
     * Whole configs: lines of every kind, each with a line end (rarely none), sometimes
     * a BOM first; about one text in 25 has a line of 10 000 to 100 000 characters.
     */
    private static Gen<String> configTexts() {
        Gen<String> withLongLine = combine(shortConfigTexts(), longLine(), ints(0, 1000), lineEnds(),
                (text, longLine, at, eol) -> {
                    int cut = text.isEmpty() ? 0 : at % (text.length() + 1);
                    return text.substring(0, cut) + longLine + eol + text.substring(cut);
                });
        return weighted(24, shortConfigTexts()).or(1, withLongLine);
    }

    private static Gen<String> shortConfigTexts() {
        Gen<String> lineEnd = weighted(12, constant("\n"))
                .or(4, constant("\r\n"))
                .or(2, constant("\r"))
                .or(1, constant(""));
        Gen<String> line = combine(anyLine(), lineEnd, (l, e) -> l + e);
        Gen<String> bom = weighted(1, constant(BOM)).or(6, constant(""));
        return combine(bom, listOf(line, 0, 25), booleans(), (b, lines, drop) -> {
            String body = String.join("", lines);
            if (drop) {
                body = stripLineEnd(body);
            }
            return b + body;
        });
    }

    /** Any string at all, of any UTF-16 code units; sometimes with a BOM first. */
    private static Gen<String> anyStrings() {
        Gen<String> any = strings(Gen.anyChar(), 0, 200);
        Gen<String> surrogates = strings(oneOf(charRange('\uD800', '\uDFFF'), chars("\n\ra=:")), 0, 50);
        return oneOf(any, surrogates, any.map(s -> BOM + s));
    }

    private static String stripLineEnd(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("\n") || s.endsWith("\r")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static Gen<String> anyLine() {
        return weighted(6, lxcLine())
                .or(6, proxmoxLine())
                .or(3, rawLxcLineInProxmox())
                .or(2, sectionHeader())
                .or(2, badSectionHeader())
                .or(3, comment())
                .or(3, blanks())
                .or(3, junk())
                .or(2, strings(Gen.anyChar(), 0, 30))
                .or(1, lonelySurrogates())
                .or(1, controls());
    }

    private static Gen<String> lxcLine() {
        return combine(blanks(), lxcKeys(), blanks(), blanks(), valueText(), blanks(),
                (indent, key, before, after, value, trailing) -> indent + key + before + "=" + after + value
                        + trailing);
    }

    private static Gen<String> proxmoxLine() {
        return combine(proxmoxKeys(), oneOfValues(": ", ":", " : ", " :", ": \t"), valueText(),
                (key, sep, value) -> key + sep + value);
    }

    private static Gen<String> rawLxcLineInProxmox() {
        return combine(lxcKeys(), oneOfValues(": ", ":", " = ", "=", " =", " : "), valueText(),
                (key, sep, value) -> key + sep + value);
    }

    private static Gen<String> sectionHeader() {
        Gen<String> snapshot = combine(chars(ALPHA), strings(chars(ALPHA + DIGITS + "_-"), 1, 20), blanks(),
                (first, rest, trailing) -> "[" + first + rest + "]" + trailing);
        return oneOf(snapshot,
                oneOfValues("[pve:pending]", "[PVE:PENDING]", "[Pve:Pending] \t", "[vzdump]", "[snap1]"));
    }

    private static Gen<String> badSectionHeader() {
        return oneOf(
                oneOfValues("[a]", "[ snap ]", "[snap1] x", "[", "[]", "[x", "]", "[[a]]", "[1snap]",
                        "[pve:pending] x", " [snap1]", "[pve:pendings]", "[sn ap]", "[snap]]"),
                strings(chars("[]:ab1 _-\t#="), 0, 12).map(s -> "[" + s));
    }

    private static Gen<String> comment() {
        return combine(blanks(), valueText(), (indent, text) -> indent + "#" + text);
    }

    private static Gen<String> junk() {
        return oneOf(
                strings(chars(" \t=:#[]\r\n\u0000\uFEFF\u0085\u2028\u000B\f\"'lxc."), 0, 25),
                oneOfValues("...", "lxc.uts.name foo", "lxc.", "lxc", "LXC.arch = x", "=", ":", "= x", ": x",
                        "lxc.k: a=b", "hostname = x", "swap:", "swap: ", "delete: swap", "Cores: 2",
                        "lxc.Apparmor.profile: x", "hostname : x", "key", "\u0000lxc.a = b"));
    }

    private static Gen<String> lonelySurrogates() {
        return strings(oneOf(charRange('\uD800', '\uDFFF'), chars("a=: ")), 1, 10);
    }

    private static Gen<String> controls() {
        return strings(oneOf(charRange('\u0000', '\u001F'), chars("\u007Fa=:")), 1, 10);
    }

    /** A line of 10 000 to 100 000 characters after one of a few prefixes. */
    private static Gen<String> longLine() {
        Gen<String> prefix = oneOfValues("lxc.mount.entry = ", "description: ", "#", "lxc.hook.start: ",
                "", "  ", "[");
        Gen<String> body = strings(chars("abcxyz019 \t=:#[]\"'.,/\u00e9\u4e2d"), 10_000, 100_000);
        return combine(prefix, body, String::concat);
    }

    // ================================================================== generators: bytes

    /** Random bytes, and valid UTF-8 configs with bytes that break the UTF-8 inserted at random places. */
    private static Gen<byte[]> configBytes() {
        Gen<byte[]> random = Gen.bytes(300);
        Gen<byte[]> broken = combine(configTexts(), longs(), ints(1, 8),
                (text, seed, count) -> insertInvalidBytes(text.getBytes(StandardCharsets.UTF_8), seed, count));
        return oneOf(random, broken);
    }

    /** Byte sequences that are never valid UTF-8 where they are inserted, or that cut a sequence in two. */
    private static final byte[][] INVALID = {
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xC3},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xB2, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5},
        {(byte) 0xFE}, {(byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB}, {(byte) 0xC0, (byte) 0xAF},
    };

    private static byte[] insertInvalidBytes(byte[] valid, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = valid;
        for (int n = 0; n < count; n++) {
            byte[] insert = random.nextInt(4) == 0
                    ? new byte[] {(byte) (0x80 + random.nextInt(0x80))}
                    : INVALID[random.nextInt(INVALID.length)];
            int at = random.nextInt(bytes.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
            out.write(bytes, 0, at);
            out.write(insert, 0, insert.length);
            out.write(bytes, at, bytes.length - at);
            bytes = out.toByteArray();
        }
        return bytes;
    }
}
