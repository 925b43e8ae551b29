package io.github.lxcconf.migrate;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.testing.Gen;
import io.github.lxcconf.testing.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legacy-key and cgroup migrations edit the config in place: the lines they do not change are the same
 * objects, and the result keeps the config's source name and path.
 */
class MigrationLineIdentityTest {
    private static final MigrationOptions LINES = MigrationOptions.all().withProxmoxDevices(false);

    private static LxcConfig lxc(String text) {
        return LxcConfig.reader().dialect(Dialect.LXC).sourceName("config").parse(text);
    }

    /** Asserts that every line the migration did not change is, in order, the same object as before. */
    private static void untouchedLinesAreTheSameObjects(LxcConfig before, Migration m) {
        Set<Integer> changed = new HashSet<>();
        m.changes().forEach(c -> changed.add(c.line()));
        List<Line> after = m.config().lines();
        List<Line> kept = after.stream()
                .filter(l -> before.lines().stream().anyMatch(o -> o == l)).toList();
        List<Line> expected = new java.util.ArrayList<>();
        for (int i = 0; i < before.lines().size(); i++) {
            if (!changed.contains(i + 1)) {
                expected.add(before.lines().get(i));
            }
        }
        List<Line> old = before.lines();
        if (!after.isEmpty() && !old.isEmpty() && old.get(old.size() - 1).eol().isEmpty()
                && changed.contains(old.size()) && !expected.isEmpty()
                && expected.get(expected.size() - 1) != after.get(after.size() - 1)
                && kept.stream().noneMatch(l -> l == expected.get(expected.size() - 1))) {
            // the last line was removed: the new last line lost its line end, as the file had none
            Line last = expected.remove(expected.size() - 1);
            assertThat(after.get(after.size() - 1).content()).isEqualTo(last.content());
            assertThat(after.get(after.size() - 1).eol()).isEmpty();
        }
        assertThat(kept).containsExactlyElementsOf(expected);
        assertThat(m.config().lines()).hasSize(before.lines().size() - changed.size()
                + m.changes().stream().mapToInt(c -> c.newLines().size()).sum());
    }

    @Test
    void renamedRemovedAndTranslatedLinesChangeAndNothingElse() {
        LxcConfig c = lxc("# web\r\nlxc.utsname = web\r\nlxc.pivotdir = x\r\n  lxc.cgroup.cpu.shares=512\t\r\n"
                + "lxc.tty.max = 4\r\nlxc.aa_profile = 'unconfined'");
        Migration m = c.migrate();
        assertThat(m.config().render()).isEqualTo("# web\r\nlxc.uts.name = web\r\n  lxc.cgroup2.cpu.weight=20\t\r\n"
                + "lxc.tty.max = 4\r\nlxc.apparmor.profile = 'unconfined'");
        assertThat(m.config().lines().get(0)).isSameAs(c.lines().get(0));
        assertThat(m.config().lines().get(3)).isSameAs(c.lines().get(4));
        untouchedLinesAreTheSameObjects(c, m);
        assertThat(m.config().sourceName()).isEqualTo("config");
    }

    @Test
    void theResultKeepsThePath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, "lxc.network.type = veth\nlxc.network.link = br0\n");
        LxcConfig c = LxcConfig.parse(file);
        Migration m = c.migrate();
        assertThat(m.config().render()).isEqualTo("lxc.net.0.type = veth\nlxc.net.0.link = br0\n");
        assertThat(m.config().path()).isPresent().isEqualTo(c.path());
        assertThat(m.config().sourceName()).isEqualTo(c.sourceName());
    }

    @Test
    void aComputedValueThatWasQuotedIsWrittenWithoutQuotesByReadingTheTextAgain() {
        // the migration writes the translated value bare; the editor would keep the quotes, so this one case
        // still writes the text and reads it again (same bytes as before, new line objects)
        LxcConfig c = lxc("# x\nlxc.cgroup.cpu.shares = \"512\"\n");
        Migration m = c.migrate();
        assertThat(m.config().render()).isEqualTo("# x\nlxc.cgroup2.cpu.weight = 20\n");
        assertThat(m.config().lines().get(0)).isEqualTo(c.lines().get(0)).isNotSameAs(c.lines().get(0));
    }

    @Test
    void aQuotedValueThatIsOnlyRenamedKeepsItsQuotesAndTheOtherLines() {
        LxcConfig c = lxc("# x\nlxc.cgroup.devices.allow = \"c 10:232 rwm\"\n");
        Migration m = c.migrate();
        assertThat(m.config().render()).isEqualTo("# x\nlxc.cgroup2.devices.allow = \"c 10:232 rwm\"\n");
        assertThat(m.config().lines().get(0)).isSameAs(c.lines().get(0));
    }

    private static final Gen<String> LINE = Gen.oneOfValues(
            "lxc.utsname = web", "lxc.utsname = 'web'", "lxc.network.type = veth", "lxc.network.link=br0",
            "lxc.network.ipv4 = \"10.0.0.2/24\"", "lxc.network.0.ipv4 = 10.1.0.2/24", "lxc.rootfs = /r",
            "lxc.rootfs.backend = zfs", "lxc.pivotdir = x", "lxc.limit.nofile = 10",
            "  lxc.cgroup.devices.allow = c 10:200 rwm\t", "lxc.cgroup.devices.deny = \"a\"",
            "lxc.cgroup.memory.limit_in_bytes = 1G", "lxc.cgroup.cpu.shares = 256",
            "lxc.cgroup.cpu.cfs_quota_us = 20000", "lxc.cgroup.cpu.cfs_period_us = 50000",
            "lxc.cgroup.net_cls.classid = 1", "lxc.mount.entry = /dev/kvm dev/kvm none bind,create=file",
            "# comment lxc.utsname = x", "", "lxc.uts.name = ok", "lxc.net.2.type = veth", "lxc.devttydir = lxc");
    private static final Gen<String> PVE_LINE = Gen.oneOfValues("arch: amd64", "memory: 512", "[snap1]", "#note");
    private static final Gen<String> EOL = Gen.oneOfValues("\n", "\r\n");

    private static Gen<LxcConfig> configs() {
        Gen<Dialect> dialects = Gen.oneOfValues(Dialect.LXC, Dialect.PROXMOX);
        return r -> {
            Dialect dialect = dialects.sample(r);
            StringBuilder text = new StringBuilder();
            int count = Gen.ints(0, 20).sample(r);
            for (int i = 0; i < count; i++) {
                String line = dialect == Dialect.LXC ? LINE.sample(r)
                        : Gen.oneOf(LINE, PVE_LINE).sample(r).replaceFirst(" ?= ?", ": ").trim();
                text.append(line);
                if (i < count - 1 || Gen.ints(0, 3).sample(r) > 0) {
                    text.append(EOL.sample(r));
                }
            }
            return LxcConfig.reader().dialect(dialect).parse(text.toString());
        };
    }

    @Test
    void generatedConfigsKeepTheirUntouchedLines() {
        Property.forAll("untouched lines are the same objects", 1000, configs(), c -> {
            Migration m = Migration.of(c, LINES);
            untouchedLinesAreTheSameObjects(c, m);
            assertThat(Migration.of(m.config(), LINES).config()).isSameAs(m.config());
        });
    }

    private static Path resource(String name) {
        try {
            return Path.of(MigrationLineIdentityTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusConfigKeepsItsUntouchedLines() {
        Path root = resource("/corpus");
        return MigrationCorpusTest.corpus().stream().map(file -> DynamicTest.dynamicTest(
                root.relativize(file).toString(), () -> {
                    Dialect dialect = root.relativize(file).startsWith("lxc") ? Dialect.LXC : Dialect.PROXMOX;
                    LxcConfig c = LxcConfig.reader().dialect(dialect).parse(file);
                    Migration m = Migration.of(c, LINES);
                    untouchedLinesAreTheSameObjects(c, m);
                    assertThat(m.config().path()).isEqualTo(c.path());
                }));
    }
}
