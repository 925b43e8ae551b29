package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The edit command refuses what would write a line LXC or Proxmox ignores, drops or reads twice. */
class EditSafetyTest {
    @TempDir
    Path dir;

    private Path classroom() {
        return CliRun.copy("classroom-102.conf", dir);
    }

    @Test
    void addOfASingleValuedKeyPointsToSet() {
        Path file = classroom();
        CliRun r = CliRun.run("edit", "--add", "hostname=x", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lxcconf: --add hostname=x: hostname holds one value, so a second line would"
                + " replace the first\n  hint: use --set hostname=x\n");
    }

    @Test
    void setAndRemoveOfAnUnknownKeyAreRefusedWithADidYouMean() {
        Path file = classroom();
        CliRun set = CliRun.run("edit", "--set", "memroy=2048", file.toString());
        assertThat(set.status()).isEqualTo(2);
        assertThat(set.err()).isEqualTo("lxcconf: --set memroy: unknown key for Proxmox VE\n"
                + "  hint: did you mean 'memory'?\n");
        CliRun remove = CliRun.run("edit", "--remove", "memroy", file.toString());
        assertThat(remove.status()).isEqualTo(2);
        assertThat(remove.err()).startsWith("lxcconf: --remove memroy: unknown key for Proxmox VE\n"
                + "  hint: did you mean 'memory'?");
        Path lxc = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        CliRun raw = CliRun.run("edit", "--set", "lxc.uts.nmae=x", lxc.toString());
        assertThat(raw.status()).isEqualTo(2);
        assertThat(raw.err()).isEqualTo("lxcconf: --set lxc.uts.nmae: unknown key for LXC\n"
                + "  hint: did you mean 'lxc.uts.name'?\n");
    }

    @Test
    void removeTakesAValueAndOldKeys() {
        Path file = CliRun.write(dir, "config", "lxc.utsname = old\nlxc.mount.entry = /a a none bind 0 0\n"
                + "lxc.mount.entry = /b b none bind 0 0\n");
        CliRun r = CliRun.run("edit", "--remove", "lxc.mount.entry=/a a none bind 0 0", "--remove", "lxc.utsname",
                "-p", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("lxc.mount.entry = /b b none bind 0 0\n");
    }

    @Test
    void setOfARawKeyProxmoxRefusesIsRefused() {
        Path file = classroom();
        CliRun r = CliRun.run("edit", "--set", "lxc.rootfs.path=/x", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("lxcconf: --set lxc.rootfs.path: Proxmox VE refuses the raw key"
                + " lxc.rootfs.path and drops the line the next time it writes the config\n  hint: ");
    }

    @Test
    void passthroughOnProxmoxWritesDevNOnceAndRawLinesOnlyOnRequest() {
        Path file = classroom();
        CliRun r = CliRun.run("edit", "--passthrough", "/dev/net/tun", "-i", file.toString());
        assertThat(r.status()).isZero();
        assertThat(CliRun.read(file)).contains("\ndev0: /dev/net/tun\n").doesNotContain("lxc.cgroup2");
        CliRun again = CliRun.run("edit", "--passthrough", "/dev/net/tun", file.toString());
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).endsWith(": nothing to change\n");
        CliRun raw = CliRun.run("edit", "--raw", "--passthrough", "/dev/net/tun", file.toString());
        assertThat(raw.out()).as("a devN already passes the node").isEmpty();
        CliRun kvm = CliRun.run("edit", "--raw", "--passthrough", "/dev/kvm", file.toString());
        assertThat(kvm.out()).contains("+lxc.cgroup2.devices.allow: c 10:232 rwm\n",
                "+lxc.mount.entry: /dev/kvm dev/kvm none bind,create=file\n");
        CliRun check = CliRun.run("migrate", "--check", "--no-cgroup2", "--no-legacy-keys",
                "--no-proxmox-devices", file.toString());
        assertThat(check.status()).isZero();
    }
}
