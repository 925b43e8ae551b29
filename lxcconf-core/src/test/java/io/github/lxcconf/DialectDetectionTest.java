package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the dialect is picked when the caller does not give it: path, Proxmox options, the shape of most lines. */
class DialectDetectionTest {
    private static final String NATIVE = "lxc.rootfs.path = dir:/var/lib/lxc/ct1/rootfs\n"
            + "lxc.include = /usr/share/lxc/config/common.conf\n"
            + "lxc.net.0.type = empty\n";

    @TempDir
    Path dir;

    private static long count(LxcConfig c, DiagnosticCode code) {
        return c.diagnostics().stream().filter(d -> d.code() == code).count();
    }

    @Test
    @DisplayName("a pasted 'lxc.key: value' line in a native file: native, LXC001 as liblxc refuses it, and DIA001")
    void pastedColonLineStaysNative() {
        LxcConfig c = LxcConfig.parseText(NATIVE + "lxc.uts.name: x\n");
        assertThat(c.dialect()).isEqualTo(Dialect.LXC);
        assertThat(c.errors()).extracting(Diagnostic::code, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DiagnosticCode.LXC_INVALID_LINE, 4));
        assertThat(c.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.DIALECT_MIXED).singleElement()
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(4);
                    assertThat(d.severity()).isEqualTo(Severity.WARNING);
                    assertThat(d.message()).contains("3 native lines").contains("native LXC");
                    assertThat(d.hint()).isPresent();
                });
    }

    @Test
    @DisplayName("a [snapshot] line in a native file is ignored, as liblxc does, and the typed views read on past it")
    void sectionLineInNativeFileDoesNotEndTheFile() {
        LxcConfig c = LxcConfig.parseText(NATIVE + "lxc.uts.name = a\n[snap1]\nlxc.uts.name = b\n");
        assertThat(c.dialect()).isEqualTo(Dialect.LXC);
        assertThat(c.lxc().hostname()).contains("b");
        assertThat(c.sections()).hasSize(1);
        assertThat(count(c, DiagnosticCode.LXC_IGNORED_LINE)).isEqualTo(1);
        assertThat(count(c, DiagnosticCode.DIALECT_MIXED)).isEqualTo(1);
        assertThat(c.validate().hasErrors()).isFalse();
    }

    @Test
    @DisplayName("Proxmox options outweigh raw 'lxc.key = value' lines, which Proxmox accepts: Proxmox, no DIA001")
    void proxmoxOptionsWin() {
        LxcConfig c = LxcConfig.parseText("arch: amd64\nhostname: web\nostype: debian\n"
                + "lxc.cgroup2.devices.allow = c 10:200 rwm\nlxc.mount.entry = /dev/net dev/net none bind,create=dir\n"
                + "lxc.apparmor.profile = unconfined\nlxc.cap.drop =\n");
        assertThat(c.dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(count(c, DiagnosticCode.DIALECT_MIXED)).isZero();
    }

    @Test
    @DisplayName("raw 'lxc.key: value' lines only, as a Proxmox snippet: Proxmox; one native line among them: DIA001")
    void majorityOfRawLines() {
        LxcConfig snippet = LxcConfig.parseText("lxc.cgroup2.devices.allow: c 226:0 rwm\n"
                + "lxc.mount.entry: /dev/dri dev/dri none bind,optional,create=dir\n");
        assertThat(snippet.dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(count(snippet, DiagnosticCode.DIALECT_MIXED)).isZero();
        LxcConfig mixed = LxcConfig.parseText("lxc.cgroup2.devices.allow: c 226:0 rwm\n"
                + "lxc.mount.entry: /dev/dri dev/dri none bind,optional,create=dir\nlxc.apparmor.profile = unconfined\n");
        assertThat(mixed.dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(mixed.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.DIALECT_MIXED)
                .extracting(Diagnostic::line).containsExactly(3);
    }

    @Test
    @DisplayName("the path decides: LXCPATH/NAME/config is native, /etc/pve-like VMID.conf is Proxmox")
    void pathDecides() throws IOException {
        Path lxcConfig = Files.createDirectories(dir.resolve("lxc/ct1")).resolve("config");
        Files.writeString(lxcConfig, "arch: amd64\nhostname: ct1\nlxc.uts.name = ct1\n");
        LxcConfig nativeFile = LxcConfig.parse(lxcConfig);
        assertThat(nativeFile.dialect()).isEqualTo(Dialect.LXC);
        assertThat(nativeFile.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.DIALECT_MIXED)
                .singleElement().satisfies(d -> assertThat(d.message()).contains("because of its path"));

        Path pveConfig = Files.createDirectories(dir.resolve("pve/lxc")).resolve("102.conf");
        Files.writeString(pveConfig, "lxc.apparmor.profile = unconfined\n");
        LxcConfig pveFile = LxcConfig.parse(pveConfig);
        assertThat(pveFile.dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(count(pveFile, DiagnosticCode.DIALECT_MIXED)).isZero();
        assertThat(LxcConfig.parseText("lxc.apparmor.profile = unconfined\n").dialect()).isEqualTo(Dialect.LXC);
    }

    @Test
    @DisplayName("a dialect given by the caller always wins, and then no DIA001 is reported")
    void explicitDialectWins() throws IOException {
        Path lxcConfig = Files.createDirectories(dir.resolve("lxc/ct2")).resolve("config");
        Files.writeString(lxcConfig, NATIVE + "lxc.uts.name: x\n");
        LxcConfig forced = LxcConfig.reader().dialect(Dialect.PROXMOX).parse(lxcConfig);
        assertThat(forced.dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(count(forced, DiagnosticCode.DIALECT_MIXED)).isZero();
        LxcConfig text = LxcConfig.reader().dialect(Dialect.LXC).parse("arch: amd64\nhostname: x\n");
        assertThat(text.dialect()).isEqualTo(Dialect.LXC);
        assertThat(count(text, DiagnosticCode.DIALECT_MIXED)).isZero();
    }

    @Test
    @DisplayName("an edit keeps the reading: DIA001 stays on a detected config")
    void editKeepsTheReading() {
        LxcConfig c = LxcConfig.parseText(NATIVE + "lxc.uts.name: x\n");
        LxcConfig edited = c.edit().set("lxc.arch", "amd64").build();
        assertThat(edited.dialect()).isEqualTo(Dialect.LXC);
        assertThat(count(edited, DiagnosticCode.DIALECT_MIXED)).isEqualTo(1);
    }
}
