package io.github.lxcconf.bench;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.KnownDevice;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A typical edit of {@code small.conf}: allow /dev/kvm, bind-mount it, render the result; next to the
 * string-gluing baseline that provisioning scripts use (append the two lines to the text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class EditBenchmark {
    private String text;
    private LxcConfig config;

    /**
     * Reads and parses the small input.
     *
     * @throws IOException if the input cannot be read
     */
    @Setup
    public void read() throws IOException {
        text = BenchData.read(BenchData.SMALL);
        config = LxcConfig.parse(text);
    }

    /**
     * Returns the parsed small config with /dev/kvm allowed and bind-mounted, rendered.
     *
     * @return the text
     */
    @Benchmark
    public String editSmall() {
        return config.edit()
                .allowDevice(KnownDevice.KVM)
                .bindMount("/dev/kvm", "dev/kvm")
                .build()
                .render();
    }

    /**
     * Returns the small text with the same two lines glued to its end.
     *
     * @return the text
     */
    @Benchmark
    public String baselineAppend() {
        return text + "lxc.cgroup2.devices.allow = c 10:232 rwm\n"
                + "lxc.mount.entry = /dev/kvm dev/kvm none bind,create=file\n";
    }
}
