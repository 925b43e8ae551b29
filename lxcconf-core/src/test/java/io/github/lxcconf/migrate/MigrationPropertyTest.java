package io.github.lxcconf.migrate;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.testing.Gen;
import io.github.lxcconf.testing.Property;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationPropertyTest {
    private static final Gen<String> LINE = Gen.oneOfValues(
            "lxc.utsname = web", "lxc.network.type = veth", "lxc.network.link = br0", "lxc.network.ipv4 = 10.0.0.2/24",
            "lxc.network.ipv6 = fd00::1/64", "lxc.network.0.ipv4 = 10.1.0.2/24", "lxc.network =", "lxc.rootfs = /r",
            "lxc.rootfs.backend = zfs", "lxc.pivotdir = x", "lxc.kmsg = 0", "lxc.limit.nofile = 10",
            "lxc.cgroup.devices.allow = c 10:200 rwm", "lxc.cgroup.devices.deny = a",
            "lxc.cgroup.memory.limit_in_bytes = 1G", "lxc.cgroup.memory.memsw.limit_in_bytes = 2G",
            "lxc.cgroup.cpu.shares = 256", "lxc.cgroup.cpu.cfs_quota_us = 20000",
            "lxc.cgroup.cpu.cfs_period_us = 50000", "lxc.cgroup.net_cls.classid = 1", "lxc.cgroup =",
            "lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file",
            "lxc.cgroup2.devices.allow = c 10:232 rwm", "lxc.mount.entry = /dev/kvm dev/kvm none bind,create=file",
            "# comment lxc.utsname = x", "", "  lxc.tty = 4", "lxc.uts.name = ok", "lxc.console = none",
            "lxc.net.2.type = veth", "lxc.net.0.link = br0", "lxc.mount.auto = proc:mixed sys:mixed",
            "lxc.mount.auto = proc:rw", "lxc.devttydir = lxc", "lxc.syslog = daemon");
    private static final Gen<String> PVE_LINE = Gen.oneOfValues(
            "arch: amd64", "memory: 512", "hostname: ct", "[snap1]", "#note", "dev0: /dev/fuse");

    private static final Gen<LxcConfig> CONFIG = Gen.oneOf(
            Gen.listOf(LINE, 0, 25).map(lines -> LxcConfig.reader().dialect(Dialect.LXC)
                    .parse(String.join("\n", lines) + "\n")),
            Gen.listOf(Gen.oneOf(LINE, PVE_LINE), 0, 25).map(lines -> LxcConfig.reader().dialect(Dialect.PROXMOX)
                    .parse(String.join("\n", lines.stream().map(l -> l.replaceFirst(" = ?", ": ")).toList()) + "\n")));

    @Test
    void migratingTwiceEqualsMigratingOnce() {
        Property.forAll("migrate twice = migrate once", 500, CONFIG, config -> {
            Migration once = config.migrate();
            Migration twice = once.config().migrate();
            assertThat(twice.config().render()).isEqualTo(once.config().render());
            assertThat(twice.changes()).isEmpty();
        });
    }

    @Test
    void migratedConfigHasNoLegacyKeyAndNoNewError() {
        Property.forAll("migrated config loads where the original loaded", 500, CONFIG, config -> {
            Migration m = config.migrate();
            List<io.github.lxcconf.Diagnostic> after = m.config().validate().diagnostics();
            long unnumbered = m.diagnostics().stream()
                    .filter(d -> d.code() == DiagnosticCode.MIG_NETWORK_KEY_WITHOUT_TYPE).count();
            assertThat(after.stream().filter(d -> d.code() == DiagnosticCode.VAL_LEGACY_KEY).count())
                    .as("legacy keys left besides the %d network keys outside an interface", unnumbered)
                    .isLessThanOrEqualTo(unnumbered);
            java.util.Map<String, Long> before = new java.util.HashMap<>();
            config.validate().errors().forEach(d -> before.merge(d.code().id() + " " + d.message(), 1L, Long::sum));
            java.util.Map<String, Long> now = new java.util.HashMap<>();
            m.config().validate().errors().forEach(d -> now.merge(d.code().id() + " " + d.message(), 1L, Long::sum));
            now.forEach((error, count) -> assertThat(count).as(error + "\n" + m.config().render())
                    .isLessThanOrEqualTo(before.getOrDefault(error, 0L)));
        });
    }

    @Test
    void linesThatDoNotChangeKeepTheirText() {
        Property.forAll("unchanged lines stay, in order", 500, CONFIG, config -> {
            Migration m = config.migrate();
            Set<Integer> changed = new HashSet<>();
            m.changes().forEach(c -> changed.add(c.line()));
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < config.lines().size(); i++) {
                if (!changed.contains(i + 1)) {
                    kept.add(config.lines().get(i).text());
                }
            }
            List<String> out = m.config().lines().stream().map(Line::text).toList();
            int j = 0;
            for (String line : out) {
                if (j < kept.size() && kept.get(j).equals(line)) {
                    j++;
                }
            }
            assertThat(j).as("unchanged lines found in order in " + out).isEqualTo(kept.size());
        });
    }

    @Test
    void migratedLxc200CorpusHasNoLegacyKeyLeft() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/corpus/lxc/lxc-upstream/lxc-2.0.0").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        int legacyBefore = 0;
        for (Path file : files) {
            LxcConfig config = LxcConfig.reader().dialect(Dialect.LXC).parse(file);
            legacyBefore += (int) config.entries().stream().filter(e -> isLegacy(e.key())).count();
            Migration m = config.migrate();
            for (EntryLine e : m.config().entries()) {
                assertThat(isLegacy(e.key())).as(file + ": " + e.text()).isFalse();
                if (e.key().startsWith("lxc.cgroup.") && !e.key().startsWith("lxc.cgroup.dir")) {
                    assertThat(m.diagnostics()).as(file + ": " + e.text())
                            .anyMatch(d -> d.code() == DiagnosticCode.MIG_NO_CGROUP2_EQUIVALENT
                                    || d.code() == DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS);
                }
            }
            assertThat(m.diagnostics()).as(file.toString())
                    .noneMatch(d -> d.code() == DiagnosticCode.MIG_NETWORK_KEY_WITHOUT_TYPE);
            // what the typed views check as liblxc does when loading (network keys, idmaps, ...) finds no new
            // error (gentoo.moresecure.conf drops the unknown capability 'sys_resources' before and after)
            Set<String> before = new HashSet<>();
            config.lxc().diagnostics().stream().filter(d -> d.isError()).forEach(d -> before.add(d.message()));
            assertThat(m.config().diagnostics()).as(file.toString()).noneMatch(d -> d.isError());
            assertThat(m.config().lxc().diagnostics()).as(file.toString())
                    .noneMatch(d -> d.isError() && !before.contains(d.message()));
            assertThat(m.config().render().lines().count()).as(file.toString())
                    .isLessThanOrEqualTo(config.render().lines().count());
        }
        assertThat(legacyBefore).isGreaterThan(10);
    }

    private static boolean isLegacy(String key) {
        return key.equals("lxc.network") || key.startsWith("lxc.network.") || LegacyKeys.RENAMES.containsKey(key)
                || LegacyKeys.REMOVED.contains(key) || key.equals(LegacyKeys.ROOTFS_BACKEND)
                || LegacyKeys.PREFIX_RENAMES.keySet().stream().anyMatch(key::startsWith);
    }
}
