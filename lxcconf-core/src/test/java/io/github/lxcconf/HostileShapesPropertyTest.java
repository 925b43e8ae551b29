package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.testing.Gen;
import io.github.lxcconf.testing.Property;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded hostile shapes (long blank runs, many indexed options, device rules beside bind mounts, legacy
 * lines, deep and wide include graphs, special files) through the include resolver, validate(), explain()
 * and migrate(): each must finish, without an exception, within a loose per-line budget: 50 µs a line,
 * plus 50 times the time parsing the same text takes in the same run (which grows with the load of a shared
 * build machine as the operations do), plus a fixed allowance. The budget only catches a super-linear path
 * (at these sizes a quadratic one takes minutes); lxcconf-benchmarks has the precise timing
 * ({@code HostileBenchmark}).
 */
class HostileShapesPropertyTest {
    /** Per line of input, over all four operations, plus a fixed allowance for a busy, cold JVM. */
    private static final long MICROS_PER_LINE = 50;
    private static final Duration FIXED = Duration.ofSeconds(5);
    /** Times the parse of the same text: the operations read every line more than once, parsing reads it once. */
    private static final int PARSES = 50;

    @TempDir
    Path dir;

    /** One generated input: a root config and, for include shapes, the files it includes under a directory. */
    private record Shape(String name, Dialect dialect, String text, int includeShape, int size) {
        @Override
        public String toString() {
            return name + " (" + dialect + ", " + text.length() + " chars, include shape " + includeShape + ", size "
                    + size + ")";
        }
    }

    private static String blanks(SplittableRandom r, int max) {
        return " ".repeat(1 + r.nextInt(max)) + (r.nextBoolean() ? "\t" : "");
    }

    private static final Gen<Shape> SHAPES = r -> {
        int kind = r.nextInt(6);
        StringBuilder b = new StringBuilder();
        switch (kind) {
            case 0 -> { // long blank runs inside values and around separators
                b.append("arch: amd64\n");
                int lines = 1 + r.nextInt(20);
                for (int i = 0; i < lines; i++) {
                    b.append(r.nextBoolean() ? "hostname: a" + blanks(r, 50_000) + "b" + blanks(r, 1000) + "\n"
                            : "lxc.uts.name" + blanks(r, 1000) + "=" + blanks(r, 1000) + "x" + blanks(r, 50_000)
                            + "y\n");
                }
                return new Shape("blank runs", Dialect.PROXMOX, b.toString(), -1, lines);
            }
            case 1 -> { // very many indexed options, in range and out of it
                b.append("arch: amd64\n");
                int lines = 1 + r.nextInt(10_000);
                String[] families = {"net", "mp", "dev", "unused"};
                for (int i = 0; i < lines; i++) {
                    String f = families[r.nextInt(families.length)];
                    int index = r.nextInt(300);
                    b.append(f).append(index).append(switch (f) {
                        case "net" -> ": name=eth" + i + ",bridge=vmbr0";
                        case "mp" -> ": /tank/" + i + ",mp=/m" + i;
                        case "dev" -> ": /dev/ttyS" + (i % 4);
                        default -> ": local:" + i + "/vm.raw";
                    }).append('\n');
                }
                return new Shape("indexed options", Dialect.PROXMOX, b.toString(), -1, lines);
            }
            case 2 -> { // device rules beside bind mounts, copies of each
                b.append("arch: amd64\n");
                int lines = 1 + r.nextInt(4_000);
                for (int i = 0; i < lines; i++) {
                    switch (r.nextInt(4)) {
                        case 0 -> b.append("lxc.cgroup2.devices.allow: c 10:200 rwm\n");
                        case 1 -> b.append("lxc.cgroup2.devices.allow: c 4:").append(64 + r.nextInt(8)).append(" rw\n");
                        case 2 -> b.append("lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file 0 0\n");
                        default -> b.append("lxc.mount.entry: /dev/ttyS").append(r.nextInt(8))
                                .append(" dev/ttyS").append(r.nextInt(8)).append(" none bind,optional 0 0\n");
                    }
                }
                return new Shape("devices", Dialect.PROXMOX, b.toString(), -1, lines);
            }
            case 3 -> { // legacy lines a migration removes or renames
                int lines = 1 + r.nextInt(20_000);
                for (int i = 0; i < lines; i++) {
                    b.append(switch (r.nextInt(4)) {
                        case 0 -> "lxc.pivotdir = lxc_putold\n";
                        case 1 -> "lxc.utsname = web" + i + "\n";
                        case 2 -> "lxc.cgroup.memory.limit_in_bytes = 512M\n";
                        default -> "lxc.network.type = veth\n";
                    });
                }
                return new Shape("legacy lines", Dialect.LXC, b.toString(), -1, lines);
            }
            default -> { // include graphs
                int shape = r.nextInt(4);
                int size = 1 + r.nextInt(shape == 0 ? 26 : 2_000);
                b.append("lxc.uts.name = web\nlxc.include = inc/root.conf\nlxc.tty.max = 4\n");
                return new Shape("includes", Dialect.LXC, b.toString(), shape, size);
            }
        }
    };

    /** Writes the include graph of a shape under dir/inc; returns how many lines it wrote. */
    private long writeIncludes(Shape s, Path root) throws IOException {
        Path inc = Files.createDirectories(root.resolve("inc"));
        long lines = 0;
        switch (s.includeShape()) {
            case 0 -> { // deep: each file includes the next twice
                for (int i = 0; i < s.size(); i++) {
                    String name = i == 0 ? "root.conf" : "f" + i + ".conf";
                    String next = "f" + (i + 1) + ".conf";
                    String text = "lxc.environment = L" + i + "=1\n" + (i + 1 < s.size()
                            ? "lxc.include = " + inc.resolve(next) + "\nlxc.include = " + inc.resolve(next) + "\n" : "");
                    Files.writeString(inc.resolve(name), text);
                    lines += 3;
                }
            }
            case 1 -> { // wide: a directory of many files
                Path d = Files.createDirectories(inc.resolve("d"));
                Files.writeString(inc.resolve("root.conf"), "lxc.include = " + d + "/\n");
                for (int i = 0; i < s.size(); i++) {
                    Files.writeString(d.resolve("e" + i + ".conf"), "lxc.mount.entry = /srv/" + i + " srv none bind 0 0\n");
                }
                lines += s.size() + 1;
            }
            case 2 -> { // symbolic link aliases of a self-including file
                Path self = inc.resolve("root.conf");
                StringBuilder b = new StringBuilder("lxc.environment = X=1\n");
                for (int i = 0; i < Math.min(s.size(), 200); i++) {
                    Path alias = Files.createSymbolicLink(inc.resolve("alias" + i + ".conf"), self);
                    b.append("lxc.include = ").append(alias).append('\n');
                }
                Files.writeString(self, b);
                lines += Math.min(s.size(), 200) + 1;
            }
            default -> { // special files and a file included again and again
                StringBuilder b = new StringBuilder("lxc.include = /dev/zero\nlxc.include = /dev/null\n");
                Files.writeString(inc.resolve("again.conf"), "lxc.mount.entry = a b none bind 0 0\n");
                for (int i = 0; i < s.size(); i++) {
                    b.append("lxc.include = ").append(inc.resolve("again.conf")).append('\n');
                }
                Files.writeString(inc.resolve("root.conf"), b);
                lines += s.size() + 3;
            }
        }
        return lines;
    }

    @Test
    void everyOperationFinishesWithinAPerLineBudget() {
        int[] tryNumber = {0};
        Property.forAll("hostile shapes within budget", 24, SHAPES, s -> {
            try {
                Path root = Files.createDirectories(dir.resolve("try" + tryNumber[0]++));
                long lines = s.text().lines().count() + (s.includeShape() >= 0 ? writeIncludes(s, root) : 0);
                long start = System.nanoTime();
                LxcConfig config = LxcConfig.reader().dialect(s.dialect()).sourceName("101.conf").parse(s.text());
                long parse = System.nanoTime() - start;
                Duration budget = FIXED.plus(Duration.ofNanos(lines * MICROS_PER_LINE * 1_000 + PARSES * parse));
                assertTimeoutPreemptively(budget, () -> {
                    EffectiveConfig eff = config.effective(root);
                    assertThat(eff.files()).isNotEmpty();
                    config.validate();
                    assertThat(config.explain().lines()).hasSize(config.lines().size());
                    assertThat(config.migrate().config().render()).isNotNull();
                }, () -> s + ": over the budget of " + budget.toMillis() + " ms for " + lines + " lines");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
