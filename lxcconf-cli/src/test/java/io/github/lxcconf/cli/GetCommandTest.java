package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GetCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hostname|ubuntu-gns3vm2-clone",
            "memory|4096",
            "net0.hwaddr|86:4B:53:B7:66:0A",
            "net0.bridge|vmbr0",
            "rootfs.size|16G",
            "rootfs.volume|local-lvm:base-102-disk-0",
            "lxc.mount.entry|/dev/net/tun dev/net/tun none bind,create=file",
    })
    void printsAValueOfTheClassroomConfig(String key, String value) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("get", file.toString(), key);
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(value + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void printsEveryValueOfAListKey() {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("get", file.toString(), "lxc.cgroup.devices.allow");
        assertThat(r.out()).isEqualTo("c 10:232 rwm\nc 10:200 rwm\n");
    }

    @Test
    void aSingleValuedKeyPrintsTheLastValueAndAListStartsAfterTheLastEmptyValue() {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = a\nlxc.uts.name = b\n"
                + "lxc.cap.drop = sys_admin\nlxc.cap.drop =\nlxc.cap.drop = mknod\nlxc.cap.drop = sys_time\n");
        assertThat(CliRun.run("get", file.toString(), "lxc.uts.name").out()).isEqualTo("b\n");
        assertThat(CliRun.run("get", file.toString(), "lxc.cap.drop").out()).isEqualTo("mknod\nsys_time\n");
    }

    @Test
    void anUnsetKeyIsExitStatusOne() {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("get", file.toString(), "swap.size");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lxcconf: swap.size is not set in " + file + "\n");
        assertThat(CliRun.run("get", file.toString(), "net0.mtu").status()).isEqualTo(1);
        assertThat(CliRun.run("get", file.toString(), "lxc.uts.name").status()).isEqualTo(1);
    }

    @Test
    void readsStandardInput() {
        CliRun r = CliRun.withStdin("lxc.uts.name = web\n", "get", "-", "lxc.uts.name");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("web\n");
    }

    @Test
    void snapshotAndPendingSections() {
        Path file = CliRun.write(dir, "102.conf", "memory: 1024\nparent: before\n\n[pve:pending]\nmemory: 4096\n\n"
                + "[before]\nmemory: 512\n");
        assertThat(CliRun.run("get", file.toString(), "memory").out()).isEqualTo("1024\n");
        assertThat(CliRun.run("get", "--pending", file.toString(), "memory").out()).isEqualTo("4096\n");
        assertThat(CliRun.run("get", "--snapshot", "before", file.toString(), "memory").out()).isEqualTo("512\n");
        CliRun missing = CliRun.run("get", "--snapshot", "after", file.toString(), "memory");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("lxcconf: " + file + " has no snapshot [after]\n");
    }

    @Test
    void aValueIsExactForScriptsAndHarmlessOnATerminal(@TempDir Path dir) {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\u001b[2J\n");
        CliRun piped = CliRun.run("get", file.toString(), "lxc.uts.name");
        assertThat(piped.out()).isEqualTo("web\u001b[2J\n");
        CliRun onTerminal = CliRun.with(new byte[0], java.util.Map.of(), true, Hooks.NONE, "get", file.toString(),
                "lxc.uts.name");
        assertThat(onTerminal.status()).isZero();
        assertThat(onTerminal.out()).isEqualTo("web\\x1b[2J\n");
    }
}
