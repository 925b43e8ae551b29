package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.syntax.BlankLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LxcConfigTest {

    private static final String CLASSROOM = """
            arch: amd64
            hostname: ubuntu-gns3vm2-clone
            rootfs: local-lvm:base-102-disk-0,size=16G

            # LINES IN QUESTION
            lxc.cgroup.devices.allow: c 10:232 rwm

            lxc.cgroup.devices.allow: c 10:200 rwm
            lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file
            """;

    @Test
    @DisplayName("the classroom config: Proxmox dialect, values, list values, exact render")
    void classroom() {
        LxcConfig config = LxcConfig.parse(CLASSROOM);
        assertThat(config.dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(config.lines()).hasSize(9);
        assertThat(config.value("hostname")).contains("ubuntu-gns3vm2-clone");
        assertThat(config.values("lxc.cgroup.devices.allow")).containsExactly("c 10:232 rwm", "c 10:200 rwm");
        assertThat(config.value("lxc.cgroup.devices.allow")).contains("c 10:200 rwm");
        assertThat(config.value("memory")).isEmpty();
        assertThat(config.values("memory")).isEmpty();
        assertThat(config.entries()).hasSize(6);
        assertThat(config.diagnostics()).isEmpty();
        assertThat(config.render()).isEqualTo(CLASSROOM);
        assertThat(config.line(4)).containsInstanceOf(BlankLine.class);
        assertThat(config.line(0)).isEmpty();
        assertThat(config.line(10)).isEmpty();
    }

    @Test
    @DisplayName("dialect detection: a key: option or a section header means Proxmox")
    void detection() {
        assertThat(LxcConfig.parse("lxc.arch = amd64\n").dialect()).isEqualTo(Dialect.LXC);
        assertThat(LxcConfig.parse("# only a comment\n").dialect()).isEqualTo(Dialect.LXC);
        assertThat(LxcConfig.parse("").dialect()).isEqualTo(Dialect.LXC);
        assertThat(LxcConfig.parse("lxc.apparmor.profile = unconfined\n").dialect()).isEqualTo(Dialect.LXC);
        assertThat(LxcConfig.parse("lxc.arch = amd64\nmemory: 512\n").dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(LxcConfig.parse("lxc.cgroup2.devices.allow: a\n").dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(LxcConfig.parse("[snap1]\n").dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(LxcConfig.parse("[a]\n").dialect()).isEqualTo(Dialect.LXC);
        assertThat(LxcConfig.parse("  memory: 512\n").dialect()).isEqualTo(Dialect.LXC);
    }

    @Test
    @DisplayName("empty input has no lines and renders empty; a missing final newline is kept")
    void emptyAndNoFinalNewline() {
        assertThat(LxcConfig.parse("").lines()).isEmpty();
        assertThat(LxcConfig.parse("").render()).isEmpty();
        LxcConfig config = LxcConfig.parse("lxc.a.b = 1\nlxc.c.d = 2");
        assertThat(config.lines()).extracting(Line::eol).containsExactly("\n", "");
        assertThat(config.render()).isEqualTo("lxc.a.b = 1\nlxc.c.d = 2");
    }

    @Test
    @DisplayName("parseStrict throws one exception listing every error")
    void strict() {
        String text = "lxc.uts.name foo\nlxc.arch = amd64\nlxc.tty.max 4\n";
        assertThatThrownBy(() -> LxcConfig.parseStrict(text))
                .isInstanceOfSatisfying(LxcConfigException.class, e -> {
                    assertThat(e.errors()).extracting(Diagnostic::line).containsExactly(1, 3);
                    assertThat(e.getMessage()).isEqualTo("2 errors:\n"
                            + "<string>:1:17: error: liblxc refuses a line that starts with 'lxc.' but has no '=' [LXC001]\n"
                            + "<string>:3:14: error: liblxc refuses a line that starts with 'lxc.' but has no '=' [LXC001]");
                });
        assertThat(LxcConfig.parseStrict("lxc.arch = amd64\n").value("lxc.arch")).contains("amd64");
        // warnings do not make strict reading fail
        assertThat(LxcConfig.parseStrict("foo = bar\n").diagnostics()).hasSize(1);
    }

    @Test
    @DisplayName("a file: diagnostics name it by its path; bytes that are not UTF-8 survive with a warning")
    void file(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("102.conf");
        byte[] bytes = "arch: amd64\n#caf\u00e9 ok\n#na\u00efve\nswap: 512\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        LxcConfig config = LxcConfig.parse(file);
        assertThat(config.path()).contains(file);
        assertThat(config.sourceName()).isEqualTo(file.toString());
        assertThat(config.toBytes()).isEqualTo(bytes);
        assertThat(config.value("swap")).contains("512");
        assertThat(config.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.ENC_INVALID_UTF8);
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(5);
            assertThat(d.toString()).startsWith(file + ":2:5: warning: ");
        });
        assertThatThrownBy(() -> LxcConfig.parse(dir.resolve("missing.conf"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    @DisplayName("a replacement character written in the file is valid UTF-8; an invalid byte after it is found")
    void replacementCharacterIsText() {
        byte[] valid = "# \uFFFD\nlxc.uts.name = a\uFFFD\n".getBytes(StandardCharsets.UTF_8);
        LxcConfig config = LxcConfig.reader().parse(valid);
        assertThat(config.toBytes()).isEqualTo(valid);
        assertThat(config.value("lxc.uts.name")).contains("a\uFFFD");
        assertThat(config.diagnostics()).noneMatch(d -> d.code() == DiagnosticCode.ENC_INVALID_UTF8);
        byte[] invalid = java.util.Arrays.copyOf(valid, valid.length + 2);
        invalid[valid.length] = (byte) 0xC3;
        invalid[valid.length + 1] = '\n';
        LxcConfig mixed = LxcConfig.reader().parse(invalid);
        assertThat(mixed.toBytes()).isEqualTo(invalid);
        assertThat(mixed.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.ENC_INVALID_UTF8)
                .singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(3));
    }

    @Test
    @DisplayName("the first byte that is not UTF-8 is located on its line, also after a byte-order mark")
    void invalidByteAfterByteOrderMark() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n', (byte) 0xFF, 'b', '\n', (byte) 0xFE};
        LxcConfig config = LxcConfig.reader().parse(bytes);
        assertThat(config.toBytes()).isEqualTo(bytes);
        assertThat(config.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.ENC_INVALID_UTF8)
                .singleElement().satisfies(d -> {
                    assertThat(d.line()).isEqualTo(2);
                    assertThat(d.column()).isEqualTo(1);
                    assertThat(d.message()).startsWith("byte 0xFF is not valid UTF-8");
                });
    }

    @Test
    @DisplayName("valid UTF-8 is read as UTF-8, including characters outside the BMP")
    void utf8() {
        byte[] bytes = "lxc.uts.name = caf\u00e9\n# \uD83D\uDE80 rocket\nlxc.arch = x\n".getBytes(StandardCharsets.UTF_8);
        LxcConfig config = LxcConfig.reader().parse(bytes);
        assertThat(config.value("lxc.uts.name")).contains("caf\u00e9");
        assertThat(config.diagnostics()).isEmpty();
        assertThat(config.toBytes()).isEqualTo(bytes);
    }

    @Test
    @DisplayName("columns count code points, not UTF-16 units")
    void columns() {
        LxcConfig config = LxcConfig.parse("lxc.environment = \uD83D\uDE80=x\n");
        EntryLine e = (EntryLine) config.lines().get(0);
        assertThat(e.valueColumn()).isEqualTo(19);
        LxcConfig bad = LxcConfig.parse("# \uD83D\uDE80\nlxc.x \uD83D\uDE80 y\n");
        // the line is 9 code points (10 UTF-16 units); the missing '=' is reported just after it
        assertThat(bad.errors().get(0).column()).isEqualTo(10);
    }

    @Test
    @DisplayName("parseText reads text; reading errors and validation errors are two lists with their own names")
    void textEntryPointAndTheTwoErrorLists() {
        LxcConfig c = LxcConfig.parseText("lxc.uts.name web\nlxc.foo = 1\n");
        assertThat(c.readingErrors()).extracting(Diagnostic::line).containsExactly(1);
        assertThat(c.validate().errors()).extracting(Diagnostic::line).contains(1, 2);
        assertThat(c.validate().errors()).hasSizeGreaterThan(c.readingErrors().size());
        assertThatThrownBy(() -> c.value(null)).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> c.values(null)).isInstanceOf(NullPointerException.class).hasMessage("key");
    }

    @Test
    @DisplayName("reader options: forced dialect and source name")
    void reader() {
        ConfigReader reader = LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("102.conf");
        LxcConfig config = reader.parse("lxc.arch = amd64\nCores: 2\n");
        assertThat(config.dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(config.readingErrors()).singleElement().hasToString(
                "102.conf:2:1: error: Proxmox cannot parse the key 'Cores': option keys are lower-case letters"
                        + " and '_', optionally followed by digits [PVE001]");
        assertThat(config.path()).isEmpty();
        assertThatThrownBy(() -> reader.strict().parse("Cores: 2\n")).isInstanceOf(LxcConfigException.class);
    }

    @Test
    @DisplayName("equal text and dialect make equal configs; lines compare by kind and text")
    void equality() {
        LxcConfig a = LxcConfig.parse("lxc.arch = amd64\n");
        LxcConfig b = LxcConfig.parse("lxc.arch = amd64\n");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(LxcConfig.parse("lxc.arch = i686\n"));
        assertThat(a).isNotEqualTo(LxcConfig.reader().dialect(Dialect.PROXMOX).parse("lxc.arch = amd64\n"));
        assertThat(a.lines().get(0)).isEqualTo(b.lines().get(0)).hasSameHashCodeAs(b.lines().get(0));
        assertThat(a.lines().get(0)).hasToString("EntryLine[lxc.arch = amd64\\n]");
        assertThat(a).hasToString("LxcConfig[LXC, <string>, 1 lines, 0 errors]");
    }

    @Test
    @DisplayName("the public API hands out no nulls")
    void noNulls() {
        LxcConfig config = LxcConfig.parse("lxc.arch = amd64\n");
        assertThat(config.path()).isEqualTo(Optional.empty());
        assertThat(config.pending()).isEmpty();
        assertThat(config.mainSection().name()).isEmpty();
        assertThat(config.mainSection().header()).isEmpty();
    }

    @Test
    void numberOfFindsALineByIdentity() {
        LxcConfig config = LxcConfig.parseText("# web\nlxc.uts.name = web\nlxc.uts.name = web\n");
        assertThat(config.numberOf(config.lines().get(2))).hasValue(3);
        assertThat(config.numberOf(config.lines().get(1))).hasValue(2);
        LxcConfig other = LxcConfig.parseText("lxc.uts.name = web\n");
        assertThat(config.numberOf(other.lines().get(0))).isEmpty();
    }
}
