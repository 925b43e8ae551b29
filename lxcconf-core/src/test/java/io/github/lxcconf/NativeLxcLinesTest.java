package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.syntax.BlankLine;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.UnknownLine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How lines of a native LXC config are read: liblxc's parse_line, as observed
 * with liblxc 5.0.2 (spec/liblxc-behaviour.md, "Edge cases").
 */
class NativeLxcLinesTest {

    private static LxcConfig lxc(String text) {
        return LxcConfig.reader().dialect(Dialect.LXC).parse(text);
    }

    private static EntryLine onlyEntry(String text) {
        LxcConfig config = lxc(text);
        assertThat(config.lines()).hasSize(1);
        assertThat(config.lines().get(0)).isInstanceOf(EntryLine.class);
        return (EntryLine) config.lines().get(0);
    }

    @ParameterizedTest(name = "{0} -> key [{1}] value [{2}]")
    @DisplayName("key and value as liblxc stores them")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // inline '#' belongs to the value: there are no inline comments
        "lxc.uts.name = foo # comment                 | lxc.uts.name    | foo # comment",
        "lxc.mount.entry = /a b none bind 0 0 # x     | lxc.mount.entry | /a b none bind 0 0 # x",
        "lxc.uts.name = a#b                           | lxc.uts.name    | a#b",
        // leading and trailing blanks are trimmed from key and value
        "`   lxc.uts.name = foo   `                   | lxc.uts.name    | foo",
        "`\tlxc.arch\t=\tamd64\t`                     | lxc.arch        | amd64",
        // one pair of matching outer quotes is stripped, nothing else
        "lxc.uts.name = \"quoted\"                    | lxc.uts.name    | quoted",
        "lxc.init.cmd = '/sbin/init x'                | lxc.init.cmd    | /sbin/init x",
        "lxc.uts.name = \"unbalanced                  | lxc.uts.name    | \"unbalanced",
        "lxc.uts.name = \"                            | lxc.uts.name    | \"",
        "lxc.uts.name = \" x \"                       | lxc.uts.name    | ` x `",
        "lxc.apparmor.profile = \"\"                  | lxc.apparmor.profile | ``",
        "lxc.uts.name = \"a\" \"b\"                   | lxc.uts.name    | a\" \"b",
        // split at the first '='
        "lxc.uts.name = a = b                         | lxc.uts.name    | a = b",
        "lxc.environment = A=B=C                      | lxc.environment | A=B=C",
        "lxc.uts.name=tight                           | lxc.uts.name    | tight",
        // no continuation lines: a trailing backslash is value
        "lxc.init.cmd = /bin/sh \\                    | lxc.init.cmd    | /bin/sh \\",
        // empty values (they clear)
        "lxc.cap.drop =                               | lxc.cap.drop    | ``",
        "`lxc.cap.drop =    `                         | lxc.cap.drop    | ``",
        // a blank inside the key is part of the key (liblxc then refuses it as unknown)
        "lxc.uts .name = x                            | lxc.uts .name   | x",
        // Proxmox's colon form in a native file: liblxc still splits at the first '='
        "lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file | lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create | file",
    })
    void keyAndValue(String line, String key, String value) {
        EntryLine e = onlyEntry(line.replace("\\t", "\t") + "\n");
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.value()).isEqualTo(value.replace("\\t", "\t"));
        assertThat(lxc(line + "\n").errors()).isEmpty();
    }

    @Test
    @DisplayName("an entry keeps every part of its line, and the parts join back to it")
    void entryParts() {
        EntryLine e = onlyEntry("  lxc.tty.max \t=  4  \r\n");
        assertThat(e.indent()).isEqualTo("  ");
        assertThat(e.key()).isEqualTo("lxc.tty.max");
        assertThat(e.beforeSeparator()).isEqualTo(" \t");
        assertThat(e.separator()).isEqualTo("=");
        assertThat(e.afterSeparator()).isEqualTo("  ");
        assertThat(e.valueRaw()).isEqualTo("4");
        assertThat(e.trailing()).isEqualTo("  ");
        assertThat(e.eol()).isEqualTo("\r\n");
        assertThat(e.indent() + e.key() + e.beforeSeparator() + e.separator() + e.afterSeparator()
                + e.valueRaw() + e.trailing() + e.eol()).isEqualTo(e.text());
        assertThat(e.keyColumn()).isEqualTo(3);
        assertThat(e.separatorColumn()).isEqualTo(16);
        assertThat(e.valueColumn()).isEqualTo(19);
    }

    @Test
    @DisplayName("a line starting with lxc. but without '=' is refused, as liblxc does")
    void noEquals() {
        LxcConfig config = lxc("lxc.uts.name = ok\nlxc.uts.name foo\n");
        assertThat(config.lines().get(1)).isInstanceOf(UnknownLine.class);
        assertThat(config.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.LXC_INVALID_LINE);
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.toString()).isEqualTo(
                    "<string>:2:17: error: liblxc refuses a line that starts with 'lxc.' but has no '=' [LXC001]");
            assertThat(d.hint()).contains("write it as 'lxc.key = value'");
        });
    }

    @Test
    @DisplayName("a Proxmox raw line without '=' in a native file: refused at the colon, with a hint")
    void proxmoxFormWithoutEquals() {
        LxcConfig config = lxc("lxc.apparmor.profile: unconfined\n");
        Diagnostic d = config.errors().get(0);
        assertThat(d.column()).isEqualTo(21);
        assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("'key = value'"));
    }

    @ParameterizedTest(name = "[{0}] is ignored by liblxc")
    @DisplayName("lines that do not start with lxc. are ignored, with a warning")
    @CsvSource(delimiter = '|', value = {
        "LXC.uts.name = x | keys are case-sensitive",
        "arch: amd64      | Proxmox option",
        "[snap1]          | section headers belong to Proxmox",
        "lxc_uts = x      | only lines that start with 'lxc.'",
        "= x              | only lines that start with 'lxc.'",
    })
    void ignoredLines(String line, String hint) {
        LxcConfig config = lxc(line + "\n");
        assertThat(config.lines().get(0)).isInstanceOf(UnknownLine.class);
        assertThat(config.errors()).isEmpty();
        assertThat(config.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.LXC_IGNORED_LINE);
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.hint().orElseThrow()).contains(hint);
        });
    }

    @Test
    @DisplayName("comments: '#' after leading blanks; blank lines: only spaces and tabs")
    void commentsAndBlanks() {
        LxcConfig config = lxc("# top\n    # indented\n\n \t \nlxc.arch = amd64");
        assertThat(config.lines()).hasExactlyElementsOfTypes(CommentLine.class, CommentLine.class,
                BlankLine.class, BlankLine.class, EntryLine.class);
        assertThat(((CommentLine) config.lines().get(1)).commentText()).isEqualTo(" indented");
        assertThat(config.lines().get(1).indent()).isEqualTo("    ");
        assertThat(config.lines().get(4).eol()).isEmpty();
        assertThat(config.diagnostics()).isEmpty();
    }

    @Test
    @DisplayName("LF, CRLF and lone CR all end lines; each line keeps its own line end")
    void lineEnds() {
        LxcConfig config = lxc("lxc.a.b = 1\rlxc.c.d = 2\r\nlxc.e.f = 3\n\r\n");
        assertThat(config.lines()).extracting(Line::eol).containsExactly("\r", "\r\n", "\n", "\r\n");
        assertThat(config.values("lxc.c.d")).containsExactly("2");
    }

    @Test
    @DisplayName("a NUL byte: liblxc stops reading there, so it is a warning on that line")
    void nul() {
        LxcConfig config = lxc("lxc.uts.name = a\n\0lxc.foo.bar = 1\nlxc.x = \0\n");
        assertThat(config.render()).isEqualTo("lxc.uts.name = a\n\0lxc.foo.bar = 1\nlxc.x = \0\n");
        // liblxc reads line 2 up to its NUL (nothing), and no line after it: the NUL on line 3 is not reported
        assertThat(config.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.LXC_NUL_BYTE);
        assertThat(config.lines().get(2)).isInstanceOf(UnknownLine.class);
        assertThat(config.value("lxc.x")).isEmpty();
        assertThat(config.diagnostics().get(0)).satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("a byte-order mark hides the first line from liblxc")
    void byteOrderMark() {
        LxcConfig config = lxc("\uFEFFlxc.uts.name = bom\nlxc.arch = amd64\n");
        assertThat(config.hasByteOrderMark()).isTrue();
        assertThat(config.render()).startsWith("\uFEFF");
        assertThat(config.lines().get(0)).isInstanceOf(UnknownLine.class);
        assertThat(config.value("lxc.uts.name")).isEmpty();
        assertThat(config.value("lxc.arch")).contains("amd64");
        assertThat(config.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.LXC_BOM);
    }

    @Test
    @DisplayName("control characters other than TAB are reported once per line")
    void controlCharacters() {
        LxcConfig config = lxc("lxc.uts.name = a\u0007b\u0001\n");
        assertThat(config.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.ENC_CONTROL_CHARACTER);
            assertThat(d.column()).isEqualTo(17);
            assertThat(d.message()).contains("U+0007");
        });
    }
}
