package io.github.lxcconf.bench;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.migrate.Migration;
import io.github.lxcconf.validate.Validation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The shapes that were super-linear, at two sizes ({@code lines}, and four times as many): a long blank run
 * inside a Proxmox value, device rules beside bind mounts, many {@code lxc.pivotdir} lines, removing many
 * lines, and a chain of includes where each file includes the next twice. Each operation parses its input
 * first; {@code parse*} is that parse alone, the baseline. A linear operation keeps its ratio to the
 * baseline at both sizes, and its time grows four times with the size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 1)
public class HostileBenchmark {
    /** Lines of each input (for the blank run: ten blanks per line, in one line). */
    @Param({"10000", "40000"})
    public int lines;

    private String blankRun;
    private String devices;
    private String pivotdir;
    private String mounts;
    private Path includes;
    private LxcConfig includeRoot;

    /**
     * Builds the inputs, and the include chain in a temporary directory.
     *
     * @throws IOException if the include files cannot be written
     */
    @Setup
    public void build() throws IOException {
        blankRun = "arch: amd64\nhostname: a" + " ".repeat(lines * 10) + "b\nlxc.uts.name = a" + " ".repeat(lines * 10)
                + "b\n";
        StringBuilder b = new StringBuilder("arch: amd64\n");
        for (int i = 0; i < lines / 2; i++) {
            b.append("lxc.cgroup2.devices.allow: c 10:200 rwm\n");
            b.append("lxc.mount.entry: /srv/data").append(i).append(" srv/data none bind 0 0\n");
        }
        devices = b.append("lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file 0 0\n").toString();
        b = new StringBuilder("lxc.arch = amd64\n");
        for (int i = 0; i < lines; i++) {
            b.append("lxc.pivotdir = lxc_putold\n");
        }
        pivotdir = b.toString();
        b = new StringBuilder();
        for (int i = 0; i < lines / 2; i++) {
            b.append("lxc.mount.entry = /srv/").append(i).append(" srv none bind 0 0\n");
        }
        for (int i = 0; i < lines / 2; i++) {
            b.append("lxc.environment = N").append(i).append("=1\n");
        }
        mounts = b.toString();
        includes = Files.createTempDirectory("lxcconf-bench-includes");
        int depth = 24;
        for (int i = 0; i < depth; i++) {
            Files.writeString(includes.resolve("f" + i + ".conf"), "lxc.environment = L" + i + "=1\n"
                    + (i + 1 < depth ? "lxc.include = f" + (i + 1) + ".conf\nlxc.include = f" + (i + 1) + ".conf\n"
                    : ""));
        }
        includeRoot = LxcConfig.parse("lxc.include = f0.conf\n");
    }

    /**
     * Removes the include chain.
     *
     * @throws IOException if it cannot be removed
     */
    @TearDown
    public void clean() throws IOException {
        try (Stream<Path> files = Files.walk(includes)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static LxcConfig proxmox(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("101.conf").parse(text);
    }

    /** @return the blank-run input parsed: the baseline of {@link #blankRunValidate} */
    @Benchmark
    public LxcConfig parseBlankRun() {
        return proxmox(blankRun);
    }

    /** @return the blank-run input parsed and validated */
    @Benchmark
    public Validation blankRunValidate() {
        return proxmox(blankRun).validate();
    }

    /** @return the device input parsed: the baseline of {@link #devicesMigrate} */
    @Benchmark
    public LxcConfig parseDevices() {
        return proxmox(devices);
    }

    /** @return the device input parsed and migrated */
    @Benchmark
    public Migration devicesMigrate() {
        return proxmox(devices).migrate();
    }

    /** @return the lxc.pivotdir input parsed: the baseline of {@link #pivotdirMigrate} */
    @Benchmark
    public LxcConfig parsePivotdir() {
        return LxcConfig.parse(pivotdir);
    }

    /** @return the lxc.pivotdir input parsed and migrated */
    @Benchmark
    public Migration pivotdirMigrate() {
        return LxcConfig.parse(pivotdir).migrate();
    }

    /** @return the mount input parsed: the baseline of {@link #mountsRemove} */
    @Benchmark
    public LxcConfig parseMounts() {
        return LxcConfig.parse(mounts);
    }

    /** @return the mount input parsed, every lxc.mount.entry removed */
    @Benchmark
    public LxcConfig mountsRemove() {
        return LxcConfig.parse(mounts).edit().remove("lxc.mount.entry").build();
    }

    /** @return the include chain resolved, up to the applied-line limit (the same at both sizes) */
    @Benchmark
    public EffectiveConfig includeChain() {
        return includeRoot.effective(includes);
    }
}
