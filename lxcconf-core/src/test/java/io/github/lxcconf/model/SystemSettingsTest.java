package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hostname, root filesystem, architecture, ttys, autodev and fstab views of {@link LxcSettings}. */
class SystemSettingsTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            x86       | I686
            i386      | I686
            armhf     | I686
            linux32   | I686
            mips      | I686
            amd64     | X86_64
            x86_64    | X86_64
            arm64     | X86_64
            ppc64le   | X86_64
            s390x     | X86_64
            riscv64   | X86_64
            """)
    @DisplayName("lxc.arch: liblxc 5.0.2 keeps only the personality, shown as i686 or x86_64")
    void arch(String value, Architecture expected) {
        assertThat(lxc("lxc.arch = " + value + "\n").arch()).contains(expected);
    }

    @Test
    @DisplayName("lxc.arch: a name liblxc 5.0.2 refuses (case, x32, loongarch64) is left out, the last good one stays")
    void archRefused() {
        for (String name : new String[] {"AMD64", "x32", "loongarch64", "loong64", "armv8", "foo"}) {
            assertThat(Architecture.of(name)).as(name).isEmpty();
        }
        assertThat(lxc("lxc.arch = x86\nlxc.arch = AMD64\n").arch()).contains(Architecture.I686);
        assertThat(lxc("").arch()).isEmpty();
        assertThat(Architecture.X86_64.lxcName()).isEqualTo("x86_64");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            dir:/x                  | dir     | /x
            /x                      |         | /x
            /var//lib/./lxc/        |         | /var/lib/lxc
            lvm:/dev/vg/lv          | lvm     | /dev/vg/lv
            zfs:tank/ct             | zfs     | tank/ct
            btrfs:/b                | btrfs   | /b
            overlay:/lower:/upper   | overlay | /lower:/upper
            loop:/img               | loop    | /img
            nbd:/f:1                | nbd     | /f:1
            :/x                     |         | /x
            a:b:c                   | a       | b:c
            /a/../b                 |         | /a/../b
            ./rel/                  |         | rel
            ./                      |         | .
            //                      |         | /
            """)
    @DisplayName("lxc.rootfs.path: the type is what comes before the first ':', the path normalised as liblxc does")
    void rootfs(String value, String storage, String path) {
        RootFs r = lxc("lxc.rootfs.path = " + value + "\n").rootfs().orElseThrow();
        assertThat(r.storage()).isEqualTo(Optional.ofNullable(storage));
        assertThat(r.path()).isEqualTo(path);
        assertThat(RootFs.parse(value)).isEqualTo(r);
    }

    @Test
    @DisplayName("lxc.rootfs.path without a path holds none; toValue writes TYPE:PATH")
    void rootfsEmpty() {
        assertThat(lxc("lxc.rootfs.path = dir:\n").rootfs()).isEmpty();
        assertThat(lxc("lxc.rootfs.path = /x\nlxc.rootfs.path =\n").rootfs()).isEmpty();
        assertThatThrownBy(() -> RootFs.parse("dir:")).hasMessage("no root filesystem path in 'dir:'");
        assertThat(RootFs.parse("dir:/x/").toValue()).isEqualTo("dir:/x");
    }

    @Test
    @DisplayName("hostname, ttys and ptys (base 0), autodev (on by default, off when empty)")
    void singles() {
        LxcSettings s = lxc("""
                lxc.uts.name = " web "
                lxc.tty.max = 0x10
                lxc.pty.max = 010
                """);
        assertThat(s.hostname()).contains(" web ");
        assertThat(s.ttyMax()).isEqualTo(16);
        assertThat(s.ptyMax()).isEqualTo(8);
        assertThat(s.autodev()).isTrue();
        assertThat(lxc("lxc.autodev = 0x0\n").autodev()).isFalse();
        assertThat(lxc("lxc.autodev =\n").autodev()).isFalse();
        assertThat(lxc("lxc.autodev = 0\nlxc.autodev = 2\n").autodev()).isFalse();
        assertThat(lxc("lxc.tty.max = 4\nlxc.tty.max =\n").ttyMax()).isZero();
        assertThat(lxc("lxc.tty.max = 4\nlxc.tty.max = -1\n").ttyMax()).isEqualTo(4);
        assertThat(lxc("lxc.uts.name = a\nlxc.uts.name =\n").hostname()).isEmpty();
    }

    @Test
    @DisplayName("lxc.mount.fstab: the file's entries, read with the mount entry reader; a missing file is LXC122")
    void fstab(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("fstab"), """
                # the container's mounts
                proc proc proc nodev,noexec,nosuid 0 0

                  /srv/data srv/data none bind,create=dir 0 0
                /dev/kvm
                """);
        LxcSettings s = lxc("lxc.mount.fstab = .//fstab\n");
        assertThat(s.mountFstab()).contains("fstab");
        Fstab f = s.fstab(dir).orElseThrow();
        assertThat(f.file()).isEqualTo(dir.resolve("fstab"));
        assertThat(f.entries()).extracting(MountEntry::toValue).containsExactly(
                "proc proc proc nodev,noexec,nosuid 0 0", "/srv/data srv/data none bind,create=dir 0 0");
        assertThat(f.diagnostics()).extracting(d -> d.line() + " " + d.code().id()).containsExactly("5 LXC102");
        Fstab missing = lxc("lxc.mount.fstab = /nowhere/fstab\n").fstab(dir).orElseThrow();
        assertThat(missing.entries()).isEmpty();
        assertThat(missing.diagnostics()).extracting(d -> d.code().id() + " " + d.message()).containsExactly(
                "LXC122 cannot read the lxc.mount.fstab file /nowhere/fstab (no such file): liblxc fails to mount it"
                        + " and the container does not start");
        assertThat(lxc("").fstab(dir)).isEmpty();
    }

    @Test
    @DisplayName("the new views report nothing for well-formed values")
    void quiet() {
        assertThat(problems("lxc.arch = amd64\nlxc.rootfs.path = dir:/x\nlxc.uts.name = a\nlxc.tty.max = 2\n"))
                .isEmpty();
    }
}
