package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Section;
import io.github.lxcconf.syntax.SectionKind;
import io.github.lxcconf.syntax.SectionLine;
import io.github.lxcconf.syntax.UnknownLine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How lines of a Proxmox config are read: parse_pct_config's rules (spec/proxmox-format.md, section 2). */
class ProxmoxLinesTest {

    private static LxcConfig pve(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).parse(text);
    }

    @ParameterizedTest(name = "{0} -> [{1}] [{2}]")
    @DisplayName("options and raw lines Proxmox reads")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "hostname: ct100                       | hostname             | ct100",
        "hostname:tight                        | hostname             | tight",
        "`memory:   256   `                    | memory               | 256",
        "net10: name=eth10,bridge=vmbr0        | net10                | name=eth10,bridge=vmbr0",
        "swap: 512 # inline                    | swap                 | 512 # inline",
        "hostname: \"quoted\"                  | hostname             | \"quoted\"",
        "lxc.apparmor.profile: unconfined      | lxc.apparmor.profile | unconfined",
        "lxc.apparmor.profile = unconfined     | lxc.apparmor.profile | unconfined",
        "lxc.apparmor.profile=unconfined       | lxc.apparmor.profile | unconfined",
        "lxc.apparmor.profile =unconfined      | lxc.apparmor.profile | unconfined",
        "lxc.cap.drop:                         | lxc.cap.drop         | ``",
        "lxc.mount.entry: /a b none bind,create=file 0 0 | lxc.mount.entry | /a b none bind,create=file 0 0",
        "lxc.hook.autodev: sh -c \"x\"         | lxc.hook.autodev     | sh -c \"x\"",
        "lxc.environment.runtime: A=\"b c\"    | lxc.environment.runtime | A=\"b c\"",
    })
    void readable(String line, String key, String value) {
        LxcConfig config = pve(line + "\n");
        assertThat(config.lines()).singleElement().isInstanceOf(EntryLine.class);
        EntryLine e = (EntryLine) config.lines().get(0);
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.value()).isEqualTo(value);
        assertThat(config.errors()).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] is dropped by Proxmox ({1})")
    @DisplayName("lines Proxmox cannot parse are kept, as errors, with the reason")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "hostname : spaced           | PVE001 | 9  | blanks before ':'",
        "`  # indented comment`      | PVE001 | 1  | indented",
        "`\tlxc.tty.max: 2`          | PVE001 | 1  | indented",
        "Cores: 2                    | PVE001 | 1  | option keys are lower-case",
        "lxc.Apparmor.profile: x     | PVE001 | 1  | raw keys are 'lxc.' followed by lower-case",
        "lxc.idmap : u 0 100000 65536 | PVE001 | 10 | blanks before ':'",
        "hostname = x                | PVE001 | 10 | only raw lxc.* keys may use '='",
        "swap:                       | PVE001 | 6  | without a value",
        "...                         | PVE001 | 4  | no ':' after the key",
        "just words                  | PVE001 | 5  | no ':' after the key",
        "[a]                         | PVE002 | 1  | section header",
        "[ snap ]                    | PVE002 | 1  | section header",
        "[snap1] x                   | PVE002 | 1  | section header",
        "[pve:pend\u0131ng]         | PVE002 | 1  | section header",
        "[pve:pend\u0130ng]         | PVE002 | 1  | section header",
        "delete: swap                | PVE003 | 1  | only read inside [pve:pending]",
    })
    void unparsable(String line, String code, int column, String reason) {
        LxcConfig config = pve("arch: amd64\n" + line + "\n");
        assertThat(config.lines().get(1)).isInstanceOf(UnknownLine.class);
        UnknownLine u = (UnknownLine) config.lines().get(1);
        assertThat(u.content()).isEqualTo(line);
        assertThat(u.reason()).contains(reason);
        assertThat(config.errors()).singleElement().satisfies(d -> {
            assertThat(d.code().id()).isEqualTo(code);
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(column);
        });
    }

    @Test
    @DisplayName("sections: main, snapshots and [pve:pending] in any case; lookups per section")
    void sections() {
        LxcConfig config = pve("""
                # notes
                hostname: ct
                memory: 512
                lxc.mount.entry: /a a none bind 0 0
                [PVE:PENDING]
                memory: 1024
                delete: swap
                [snap1]
                memory: 256
                parent: base
                [base]
                memory: 128
                """);
        assertThat(config.sections()).extracting(Section::kind)
                .containsExactly(SectionKind.MAIN, SectionKind.PENDING, SectionKind.SNAPSHOT, SectionKind.SNAPSHOT);
        assertThat(config.value("memory")).contains("512");
        assertThat(config.values("lxc.mount.entry")).containsExactly("/a a none bind 0 0");
        assertThat(config.pending().orElseThrow().value("memory")).contains("1024");
        assertThat(config.pending().orElseThrow().value("delete")).contains("swap");
        assertThat(config.pending().orElseThrow().name()).contains("PVE:PENDING");
        assertThat(config.section("snap1").orElseThrow().value("parent")).contains("base");
        assertThat(config.section("snap1").orElseThrow().firstLineNumber()).isEqualTo(8);
        assertThat(config.section("base").orElseThrow().value("memory")).contains("128");
        assertThat(config.section("nope")).isEmpty();
        assertThat(config.mainSection().header()).isEmpty();
        assertThat(config.mainSection().lines().get(0)).isInstanceOf(CommentLine.class);
        assertThat(config.diagnostics()).isEmpty();
    }

    @Test
    @DisplayName("an invalid header does not open a section: its lines stay in the section above")
    void invalidHeaderLeaks() {
        LxcConfig config = pve("memory: 1\n[snap1]\nmemory: 2\n[a]\nswap: 3\n");
        assertThat(config.sections()).hasSize(2);
        assertThat(config.section("snap1").orElseThrow().value("swap")).contains("3");
        assertThat(config.value("swap")).isEmpty();
    }

    @Test
    @DisplayName("a repeated snapshot replaces the first; a second [pve:pending] discards the first")
    void duplicates() {
        LxcConfig config = pve("[s1]\nmemory: 1\n[s1]\nmemory: 2\n[pve:pending]\nswap: 1\n[pve:pending]\nswap: 2\n");
        assertThat(config.section("s1").orElseThrow().value("memory")).contains("2");
        assertThat(config.pending().orElseThrow().value("swap")).contains("2");
        assertThat(config.diagnostics()).extracting(Diagnostic::code, Diagnostic::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.PVE_DUPLICATE_SECTION, 3),
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.PVE_DUPLICATE_SECTION, 7));
    }

    @Test
    @DisplayName("keys Proxmox keeps for itself are reported")
    void internalKeys() {
        LxcConfig config = pve("digest: abc\nsnapname: x\npending: y\nlxc: z\n");
        assertThat(config.diagnostics()).extracting(Diagnostic::severity).containsExactly(
                Severity.WARNING, Severity.WARNING, Severity.ERROR, Severity.ERROR);
        assertThat(config.diagnostics()).allMatch(d -> d.code() == DiagnosticCode.PVE_INTERNAL_KEY);
    }

    @Test
    @DisplayName("CRLF: 'swap: ' keeps an empty value with a warning; a lone CR is flagged")
    void crlfAndLoneCr() {
        LxcConfig config = pve("swap: \r\nswap:\r\nmemory: 5\rcores: 1\n");
        assertThat(config.lines().get(0)).isInstanceOf(EntryLine.class);
        assertThat(config.lines().get(1)).isInstanceOf(EntryLine.class);
        assertThat(config.diagnostics()).extracting(Diagnostic::code).containsExactly(
                DiagnosticCode.PVE_BLANK_VALUE, DiagnosticCode.PVE_BLANK_VALUE, DiagnosticCode.PVE_LONE_CR);
    }

    @Test
    @DisplayName("a byte-order mark makes the first line unreadable for Proxmox")
    void byteOrderMark() {
        LxcConfig config = pve("\uFEFFarch: amd64\nhostname: x\n");
        assertThat(config.lines().get(0)).isInstanceOf(UnknownLine.class);
        assertThat(config.errors()).singleElement().extracting(Diagnostic::line).isEqualTo(1);
    }

    @Test
    @DisplayName("a section header line keeps its trailing blanks and its name's case")
    void sectionLine() {
        LxcConfig config = pve("[Snap-2]  \t\n");
        SectionLine s = (SectionLine) config.lines().get(0);
        assertThat(s.name()).isEqualTo("Snap-2");
        assertThat(s.kind()).isEqualTo(SectionKind.SNAPSHOT);
        assertThat(s.text()).isEqualTo("[Snap-2]  \t\n");
    }
}
