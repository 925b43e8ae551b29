package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.explain.Explanation;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.migrate.Migration;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.testing.Gen;
import io.github.lxcconf.testing.Property;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate(), explain(), effective(), migrate() and the typed views on generated input, well formed or
 * not: none of them throws, every diagnostic points inside the file, and every line gets an explanation.
 */
class CheckPropertiesTest {
    private static final Gen<String> KEY = Gen.oneOf(
            Gen.oneOfValues("lxc.cgroup.devices.allow", "lxc.cgroup2.devices.allow", "lxc.cgroup2.devices.deny",
                    "lxc.mount.entry", "lxc.mount.auto", "lxc.cap.drop", "lxc.cap.keep", "lxc.idmap",
                    "lxc.net.0.type", "lxc.net.1.link", "lxc.net.0", "lxc.net", "lxc.network.type",
                    "lxc.network.ipv4", "lxc.utsname", "lxc.uts.name", "lxc.include", "lxc.apparmor.profile",
                    "lxc.seccomp.profile", "lxc.environment", "lxc.log.level", "lxc.log.syslog",
                    "lxc.console.buffer.size", "lxc.cgroup.dir", "lxc.cgroup.dir.monitor", "lxc.cgroup",
                    "lxc.signal.halt", "lxc.prlimit.nofile", "lxc.sysctl.net.ipv4.ip_forward", "lxc.autodev",
                    "lxc.arch", "lxc.tty.max", "lxc.hook.pre-start", "lxc.hook", "lxc.rootfs.path",
                    "lxc.cgroup.memory.limit_in_bytes", "lxc.cgroup.cpu.shares", "lxc.devttydir",
                    "arch", "ostype", "hostname", "memory", "swap", "cores", "unprivileged", "features",
                    "rootfs", "mp0", "mp1", "unused0", "net0", "net1", "dev0", "dev1", "description", "parent",
                    "snaptime", "delete", "lock", "tags", "startup", "onboot", "cmode", "lxc.", "lxc",
                    "LXC.UTS.NAME", "x"),
            Gen.strings(Gen.chars("abcdefghijklmnopqrstuvwxyz.0123456789_-"), 1, 20),
            Gen.strings(Gen.anyChar(), 0, 6));
    private static final Gen<String> VALUE = Gen.oneOf(
            Gen.oneOfValues("", "c 10:232 rwm", "b 7:* rwm", "c *:* m", "a", "x 10:232 rwm", "c 10 rwm",
                    "/dev/net/tun dev/net/tun none bind,create=file", "/dev/kvm /dev/kvm none bind",
                    "proc:mixed sys:rw cgroup:rw:force", "sys_time sys_module", "none", "u 0 100000 65536",
                    "g 0 100000", "veth", "br0", "10.0.0.2/24", "unconfined", "debug", "daemon", "1M", "auto",
                    "SIGRTMIN+3", "../x", "/abs", "amd64", "ubuntu", "centos", "1", "0", "4096", "-1",
                    "99999999999999999999", "local-lvm:vm-100-disk-0,size=8G,quota=1",
                    "/mnt/data,mp=/shared", "/mnt/data,mp=relative", "name=eth0,bridge=vmbr0,ip=dhcp",
                    "name=eth0,,hwaddr=zz", "/dev/dri/renderD128,gid=104", "nesting=1,keyctl=1",
                    "\"quoted\"", "'single'", "value # inline", "%20encoded%ZZ", "snap1", "net0,mp0;x"),
            Gen.strings(Gen.anyChar(), 0, 12));
    private static final Gen<String> SEPARATOR = Gen.oneOfValues(" = ", "=", ": ", ":", " =", "= ", "\t=\t", " ");
    private static final Gen<String> LINE = Gen.oneOf(
            Gen.combine(Gen.oneOfValues("", "", "", " ", "\t"), KEY, SEPARATOR, VALUE,
                    (indent, key, sep, value) -> indent + key + sep + value),
            Gen.oneOfValues("", "# comment", "#lxc.utsname = x", "[snap1]", "[snap2]", "[pve:pending]", "[",
                    "[bad name]", "  ", "=", ":", "lxc.mount.entry"));
    private static final Gen<String> EOL = Gen.oneOfValues("\n", "\n", "\n", "\r\n", "\r", "");
    private static final Gen<String> TEXT = Gen.listOf(Gen.combine(LINE, EOL, String::concat), 0, 30)
            .map(lines -> String.join("", lines));
    /** Configs of both dialects from generated text and raw bytes; also used by FormatTest. */
    static final Gen<LxcConfig> CONFIG = Gen.oneOf(
            TEXT.map(LxcConfig::parse),
            TEXT.map(t -> LxcConfig.reader().dialect(Dialect.LXC).parse(t)),
            TEXT.map(t -> LxcConfig.reader().dialect(Dialect.PROXMOX).parse(t)),
            Gen.bytes(300).map(b -> LxcConfig.reader().parse(b)));

    /** A Java null printed into a message ({@code /dev/null} is a device, not a bug). */
    private static final String NULL = "(?<!/dev/)\\bnull\\b";

    @TempDir
    Path base;

    @Test
    void everyDiagnosticPointsInsideTheFile() {
        Property.forAll("diagnostics point inside the file", 1500, CONFIG, config -> {
            List<Diagnostic> all = new ArrayList<>(config.validate().diagnostics());
            all.addAll(config.lxc().diagnostics());
            all.addAll(config.proxmox().diagnostics());
            List<Line> lines = config.lines();
            for (Diagnostic d : all) {
                assertThat(d.line()).as(d.toString()).isBetween(1, Math.max(1, lines.size()));
                if (!lines.isEmpty()) {
                    String content = lines.get(d.line() - 1).content();
                    assertThat(d.column()).as(d.toString())
                            .isLessThanOrEqualTo(content.codePointCount(0, content.length()) + 1);
                }
                assertThat(d.message()).as(d.toString()).isNotBlank().doesNotContainPattern(NULL);
            }
        });
    }

    @Test
    void everyLineIsExplained() {
        Property.forAll("every line is explained", 1500, CONFIG, config -> {
            Explanation e = config.explain();
            assertThat(e.lines()).hasSize(config.lines().size());
            for (int n = 1; n <= config.lines().size(); n++) {
                assertThat(e.line(n)).as("line %d", n).isPresent();
            }
            assertThat(e.toText()).doesNotContainPattern(NULL).contains("Summary");
        });
    }

    @Test
    void effectiveAndMigrateNeverThrow() throws IOException {
        Files.writeString(base.resolve("common.conf"), "lxc.cgroup.devices.deny = a\nlxc.cap.drop = sys_time\n");
        Files.createDirectories(base.resolve("dir"));
        Files.writeString(base.resolve("dir/10-a.conf"), "lxc.tty.max = 2\nlxc.include = ../common.conf\n");
        Gen<LxcConfig> withIncludes = Gen.combine(CONFIG,
                Gen.listOf(Gen.oneOfValues("lxc.include = common.conf", "lxc.include = dir", "lxc.include = dir/",
                        "lxc.include = missing.conf", "lxc.include = missing/", "lxc.include ="), 0, 3),
                (config, includes) -> LxcConfig.reader().dialect(config.dialect())
                        .parse(String.join("\n", includes) + "\n" + config.render()));
        Property.forAll("effective and migrate never throw", 800, withIncludes, config -> {
            EffectiveConfig eff = config.effective(base);
            eff.stoppedBy().ifPresent(d -> assertThat(d.isError()).isTrue());
            Migration m = config.migrate();
            assertThat(m.config().migrate().changes()).as("migrating twice changes nothing more").isEmpty();
            assertThat(config.explain(base).lines()).hasSize(config.lines().size());
        });
    }
}
