package io.github.lxcconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartConfigCommandTest {
    private static final String CONF = """
            arch: amd64
            cores: 2
            hostname: web
            net0: name=eth0,bridge=vmbr0,hwaddr=BC:24:11:00:00:01,mtu=1450
            ostype: alpine
            rootfs: local-lvm:vm-105-disk-0,size=4G
            unprivileged: 1
            lxc.cgroup.devices.allow: c 10:200 rwm
            """;

    @TempDir
    Path dir;

    @Test
    void printsTheGeneratedConfigAndTheWarnings() {
        Path file = CliRun.write(dir, "105.conf", CONF);
        CliRun r = CliRun.run("start-config", "--seed", "3", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEqualTo(
                "vm 105 - lxc.cgroup.devices.allow is deprecated, this will be a hard error in the future!\n");
        assertThat(r.out()).startsWith("""
                lxc.cgroup.relative = 0
                lxc.cgroup.dir.monitor = lxc.monitor/105
                lxc.cgroup.dir.container = lxc/105
                lxc.cgroup.dir.container.inner = ns
                lxc.arch = amd64
                lxc.include = /usr/share/lxc/config/alpine.common.conf
                lxc.include = /usr/share/lxc/config/alpine.userns.conf
                lxc.seccomp.profile = /var/lib/lxc/105/rules.seccomp
                """).contains("""
                lxc.net.0.mtu = 1450
                lxc.net.0.script.up = /usr/share/lxc/lxcnetaddbr
                lxc.cgroup.devices.allow = c 10:200 rwm
                lxc.cgroup2.cpuset.cpus = """);
        assertThat(CliRun.run("start-config", "--seed", "3", file.toString()).out()).isEqualTo(r.out());
    }

    @Test
    void nodeOptionsChangeTheOutput() {
        Path file = CliRun.write(dir, "ct.conf", CONF);
        CliRun r = CliRun.run("start-config", "--vmid", "4000", "--lxc-version", "3.2.1", "--cpus", "2",
                "--host-cgroup", "v2", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("lxc.arch = amd64\n").contains("lxc.rootfs.path = /var/lib/lxc/4000/rootfs\n")
                .doesNotContain("script.up").endsWith("lxc.cgroup2.cpuset.cpus = 0-1\n");
        CliRun small = CliRun.run("start-config", "--bridge", "vmbr0=1400", file.toString());
        assertThat(small.status()).isEqualTo(1);
        assertThat(small.out()).isEmpty();
        assertThat(small.err()).endsWith("lxcconf: " + file
                + ": Proxmox refuses to start it: net0: MTU size '1450' is bigger than bridge MTU '1400'\n");
    }

    @Test
    void aRefusalIsExitStatusOneWithProxmoxsMessage() {
        Path file = CliRun.write(dir, "106.conf", "ostype: debian\nrootfs: local:1\n");
        CliRun r = CliRun.run("start-config", file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lxcconf: " + file + ": Proxmox refuses to start it: missing 'arch' - internal error\n");
        Path locked = CliRun.write(dir, "107.conf", CONF + "lock: backup\n");
        assertThat(CliRun.run("start-config", locked.toString()).err()).endsWith("CT is locked (backup)\n");
        assertThat(CliRun.run("start-config", "--skiplock", locked.toString()).status()).isZero();
    }

    @Test
    void severalFilesEachAfterAHeaderLine() {
        Path a = CliRun.write(dir, "101.conf", CONF);
        Path b = CliRun.write(dir, "102.conf", "arch: amd64\n");
        CliRun r = CliRun.run("start-config", dir.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("# " + a + "\nlxc.cgroup.relative = 0\n").doesNotContain("# " + b);
        assertThat(r.err()).contains(a + ": vm 101 - lxc.cgroup.devices.allow is deprecated")
                .endsWith("lxcconf: " + b + ": Proxmox refuses to start it: missing 'ostype' - internal error\n");
    }

    @Test
    void aNativeConfigIsAUsageProblem() {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        CliRun r = CliRun.run("start-config", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("lxcconf: " + file + " is not a Proxmox config".substring(0, 0))
                .contains("is a native LXC config: start-config reads a Proxmox VE config");
    }

    @Test
    void aBadNodeOptionIsAUsageError() {
        Path file = CliRun.write(dir, "105.conf", CONF);
        CliRun r = CliRun.run("start-config", "--cpuset", "x", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("lxcconf: cannot read cpuset 'x' at 'x'\n");
    }

    @Test
    void effectivePrintsEveryValueWithTheFileAndLineThatSetIt() throws java.io.IOException {
        Path file = CliRun.write(dir, "105.conf", CONF);
        CliRun r = CliRun.run("start-config", "--effective", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains(
                "lxc.pty.max = 1024  # /usr/share/lxc/config/common.conf:7\n",
                "lxc.mount.auto = sys:rw  # /usr/share/lxc/config/userns.conf:21\n",
                "lxc.arch = amd64  # /var/lib/lxc/105/config:5 <- " + file + ":1\n",
                "lxc.cgroup.devices.allow = c 10:200 rwm  # /var/lib/lxc/105/config:",
                "lxc.idmap = u 0 100000 65536  # /var/lib/lxc/105/config:")
                // alpine.userns.conf includes userns.conf, which clears common.conf's device rules
                .doesNotContain("lxc.cgroup2.devices.")
                .doesNotContain("lxc.include");
        // a directory's own common.conf wins, the shipped alpine files fill the gaps
        Path node = java.nio.file.Files.createDirectories(dir.resolve("node"));
        java.nio.file.Files.writeString(node.resolve("common.conf"), "lxc.pty.max = 7\n");
        CliRun local = CliRun.run("start-config", "--effective", "--lxc-config-dir", node.toString(),
                file.toString());
        assertThat(local.status()).isZero();
        assertThat(local.out()).contains("lxc.pty.max = 7  # " + node.resolve("common.conf") + ":1\n")
                .doesNotContain("/usr/share/lxc/config/common.conf:");
        // a container Proxmox refuses has none
        Path template = CliRun.write(dir, "106.conf", CONF + "template: 1\n");
        CliRun refused = CliRun.run("start-config", "--effective", template.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(CliRun.run("start-config", "--lxc-config-dir", node.toString(), file.toString()).status())
                .isEqualTo(2);
    }
}
