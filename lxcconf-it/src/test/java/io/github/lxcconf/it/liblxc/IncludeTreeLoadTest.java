package io.github.lxcconf.it.liblxc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated trees of included files, loaded by the real liblxc: a top config that includes a file (or a directory
 * of {@code *.conf} files) at some line, each file made of well-formed lines and of the damaged lines the load fuzzer
 * inserts ({@link Mutator}). liblxc reads an included file where its {@code lxc.include} line stands, so a problem
 * inside an included file (an unknown or legacy key, a line without {@code =}, a bad value, {@code lxc.cap.keep} in
 * one file after {@code lxc.cap.drop} in another) makes it refuse the top file. liblxc's accept/refuse must equal
 * "validate() with includes has an error", and where both accept, the values liblxc holds must equal the typed views
 * of the include tree. Seeded ({@code -Dlxcconf.includes.seed=}, {@code -Dlxcconf.includes.count=}).
 */
class IncludeTreeLoadTest {
    private static final long SEED = Long.getLong("lxcconf.includes.seed", 20261204L);
    private static final int COUNT = Integer.getInteger("lxcconf.includes.count", 400);

    /** Lines liblxc 5.0 accepts, several of which interact across files. */
    private static final List<String> GOOD = List.of("lxc.cap.drop = sys_module", "lxc.cap.drop = mac_admin sys_time",
            "lxc.cap.keep = sys_admin", "lxc.cap.drop =", "lxc.cap.keep =", "lxc.net.0.type = veth",
            "lxc.net.0.link = lxcbr0", "lxc.net.0.flags = up", "lxc.net.0.name = eth0", "lxc.net.1.type = macvlan",
            "lxc.net.1.macvlan.mode = bridge", "lxc.net.1.link = eth9", "lxc.net.0.veth.pair = vethX",
            "lxc.net.0.vlan.id = 10", "lxc.net.2.type = vlan", "lxc.net.2.vlan.id = 7", "lxc.net =",
            "lxc.cgroup2.devices.deny = a", "lxc.cgroup2.devices.allow = c 10:232 rwm",
            "lxc.cgroup2.devices.allow =", "lxc.cgroup.devices.allow = c 1:3 rwm",
            "lxc.mount.entry = proc proc proc nodev,noexec,nosuid 0 0",
            "lxc.mount.entry = /srv srv none bind,create=dir 0 0", "lxc.mount.entry =",
            "lxc.mount.auto = proc:mixed sys:ro", "lxc.mount.auto = cgroup:rw", "lxc.idmap = u 0 100000 65536",
            "lxc.idmap = g 0 100000 65536", "lxc.uts.name = web", "lxc.tty.max = 2", "# a comment", "");

    @RegisterExtension
    static final LibLxcSession SESSION = new LibLxcSession("includes-");

    @Test
    void liblxcAndLxcconfAgreeOnIncludeTrees() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        int accepted = 0;
        int agree = 0;
        int compared = 0;
        for (int i = 0; i < COUNT; i++) {
            Path dir = Files.createDirectories(SESSION.work().resolve(String.format("tree-%04d", i)));
            boolean directory = random.nextInt(4) == 0;
            String includeValue;
            if (directory) {
                Path d = Files.createDirectories(dir.resolve("conf.d"));
                int files = 1 + random.nextInt(3);
                for (int f = 0; f < files; f++) {
                    Files.writeString(d.resolve(String.format("%02d-part.conf", f)), lines(random), StandardCharsets.UTF_8);
                }
                includeValue = "conf.d/";
            } else {
                Files.writeString(dir.resolve("inc.conf"), lines(random), StandardCharsets.UTF_8);
                includeValue = "inc.conf";
            }
            List<String> top = new ArrayList<>(List.of(lines(random).split("\n", -1)));
            top.add(random.nextInt(top.size() + 1), "lxc.include = " + includeValue);
            Path file = dir.resolve("config");
            Files.writeString(file, String.join("\n", top) + "\n", StandardCharsets.UTF_8);
            Conformance.Verdict v = Conformance.check(SESSION.lxc(), dir, file);
            accepted += v.libAccepts() ? 1 : 0;
            compared += v.compared();
            Optional<KnownDisagreements.Known> known = v.agrees() ? Optional.empty() : KnownDisagreements.of(v);
            if (v.agrees() || known.isPresent()) {
                agree++;
                continue;
            }
            String category = LoadFuzzTest.category(v);
            categories.merge(category, 1, Integer::sum);
            examples.putIfAbsent(category, dir.getFileName() + ": " + v.describe());
        }
        StringBuilder report = new StringBuilder(String.format("liblxc %s include trees: %d (seed %d), %d accepted by"
                + " liblxc, %d refused; agreement %d/%d; %d typed values compared%n", SESSION.lxc().version(), COUNT,
                SEED, accepted, COUNT - accepted, agree, COUNT, compared));
        categories.forEach((c, n) -> report.append(String.format("%5d  %s%n  e.g. %s%n", n, c, examples.get(c))));
        Files.writeString(Path.of(System.getProperty("basedir", ".")).resolve("target/include-tree-report.txt"),
                report, StandardCharsets.UTF_8);
        System.out.print(LoadFuzzTest.visible(report.toString()));

        assertThat(accepted).as("include trees liblxc accepts").isGreaterThan(COUNT / 10);
        assertThat(COUNT - accepted).as("include trees liblxc refuses").isGreaterThan(COUNT / 10);
        assertThat(compared).as("typed values compared with liblxc's").isGreaterThan(COUNT);
        assertThat(categories).as("include trees (kept in " + SESSION.work() + ") where liblxc and lxcconf disagree")
                .isEmpty();
    }

    /** One to six lines, mostly well-formed, now and then one the load fuzzer inserts. */
    private static String lines(SplittableRandom random) {
        int n = 1 + random.nextInt(6);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String line = random.nextInt(10) == 0 ? Mutator.JUNK.get(random.nextInt(Mutator.JUNK.size()))
                    : GOOD.get(random.nextInt(GOOD.size()));
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /**
     * An unknown key in an included file stops liblxc there: the missing file a later line includes is never
     * opened, and lxcconf's include walk stops at the same line.
     */
    @Test
    void anUnknownKeyInAnIncludedFileStopsLoadingThere() throws IOException {
        Path dir = Files.createDirectories(SESSION.work().resolve("stops"));
        Files.writeString(dir.resolve("inc.conf"), "lxc.uts.name = a\nlxc.foo.bar = 1\nlxc.include = /nonexistent.conf\n");
        Path file = dir.resolve("config");
        Files.writeString(file, "lxc.include = inc.conf\nlxc.include = /nonexistent2.conf\n");
        LibLxc.Loaded loaded = SESSION.lxc().load(dir, file, List.of("lxc.uts.name"));
        assertThat(loaded.accepted()).isFalse();
        assertThat(loaded.error()).contains("Unsupported config key \"lxc.foo.bar\"");
        assertThat(loaded.log()).as("liblxc never opens the later includes").doesNotContain("nonexistent");
        var effective = io.github.lxcconf.LxcConfig.parse(file).effective(dir);
        assertThat(effective.stoppedBy()).hasValueSatisfying(d -> {
            assertThat(d.source()).isEqualTo(dir.resolve("inc.conf").toString());
            assertThat(d.line()).isEqualTo(2);
        });
        assertThat(effective.diagnostics()).noneMatch(d -> d.message().contains("nonexistent"));
    }
}
