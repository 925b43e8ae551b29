package io.github.lxcconf.it.container;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.ContainerRun;
import io.github.lxcconf.it.Containers;
import io.github.lxcconf.it.LxcHost;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.ResourceLimits;
import io.github.lxcconf.validate.ValidationOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource limits on real containers. On this machine memory, cpu and pids are cgroup v1 controllers and
 * cgroup2 offers only hugetlb: v1 limits are read from the host side while the container runs on the hybrid
 * layout, the cgroup2 hugetlb limit on the pure cgroup2 layout, and a cgroup2 memory limit where the
 * controller is missing stops liblxc.
 */
class ResourceLimitContainerTest {

    private static final String WAIT = "touch /mnt/sync/ready; while [ ! -e /mnt/sync/done ]; do sleep 0.05; done; ";
    /** Nests subshells N deep: N + 1 processes at once, each waiting for its child. */
    private static final String NEST = "f() { if [ $1 -gt 0 ]; then ( f $(($1-1)) ); else echo nested-ok; fi; }; ";

    @BeforeAll
    static void needsLxc() {
        LxcHost.require();
    }

    /**
     * Starts the container, waits until its script says it is ready, reads host files while it runs, then
     * lets it finish.
     */
    private static Map.Entry<Map<String, String>, ContainerRun> whileRunning(CgroupHost host, String config,
            Path sync, String script, Function<String, Map<String, Path>> files) throws Exception {
        Containers.Running running = Containers.start(host, config, WAIT + script);
        Map<String, String> read = new java.util.TreeMap<>();
        try {
            while (!Files.exists(sync.resolve("ready")) && running.alive()) {
                Thread.sleep(20);
            }
            assertThat(running.alive()).as("container stopped before it was ready").isTrue();
            for (Map.Entry<String, Path> f : files.apply(running.name()).entrySet()) {
                read.put(f.getKey(), Files.exists(f.getValue()) ? Files.readString(f.getValue()).trim() : "(missing)");
            }
        } finally {
            Files.writeString(sync.resolve("done"), "");
        }
        ContainerRun run = running.await();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        return Map.entry(read, run);
    }

    private static Path syncDir(Path tmp) throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp;
    }

    private static String syncMount(Path sync) {
        return "lxc.mount.entry = " + sync + " mnt/sync none bind,create=dir 0 0";
    }

    @Test
    void v1MemoryAndPidsLimitsApplyOnHybrid(@TempDir Path tmp) throws Exception {
        Path sync = syncDir(tmp);
        String config = Containers.config(syncMount(sync), "lxc.cgroup.memory.limit_in_bytes = 64M",
                "lxc.cgroup.pids.max = 12");
        var result = whileRunning(CgroupHost.HYBRID, config, sync, NEST + "f 4; f 20 2>&1; echo end",
                name -> Map.of(
                        "memory", Path.of("/sys/fs/cgroup/memory/lxc.payload." + name + "/memory.limit_in_bytes"),
                        "pids", Path.of("/sys/fs/cgroup/pids/lxc.payload." + name + "/pids.max"),
                        "procs", Path.of("/sys/fs/cgroup/pids/lxc.payload." + name + "/cgroup.procs")));
        assertThat(result.getKey()).containsEntry("memory", String.valueOf(64L << 20)).containsEntry("pids", "12");
        assertThat(result.getKey().get("procs")).as("the container's processes are in that cgroup").isNotBlank()
                .isNotEqualTo("(missing)");
        // 5 nested processes fit under pids.max = 12; 21 do not
        assertThat(result.getValue().stdout()).contains("nested-ok").contains("can't fork");

        // lxcconf: no warning for a hybrid host, a warning that liblxc ignores them on a cgroup2 host
        LxcConfig parsed = LxcConfig.parse(config);
        assertThat(parsed.validate(ValidationOptions.defaults().withCgroup2Host(false))
                .withCode(DiagnosticCode.VAL_CGROUP_V1_IGNORED)).isEmpty();
        assertThat(parsed.validate(ValidationOptions.defaults().withCgroup2Host(true))
                .withCode(DiagnosticCode.VAL_CGROUP_V1_IGNORED)).hasSize(2);
    }

    @Test
    void theTypedLimitsAreWhatTheKernelHolds(@TempDir Path tmp) throws Exception {
        Path sync = syncDir(tmp);
        // numbers as the kernel reads them: memparse in base 0 with a unit, pids.max in base 0, the last line wins
        String config = Containers.config(syncMount(sync), "lxc.cgroup.memory.limit_in_bytes = 1G",
                "lxc.cgroup.memory.limit_in_bytes = 0x30M", "lxc.cgroup.pids.max = 0x20");
        var result = whileRunning(CgroupHost.HYBRID, config, sync, "",
                name -> Map.of(
                        "memory", Path.of("/sys/fs/cgroup/memory/lxc.payload." + name + "/memory.limit_in_bytes"),
                        "pids", Path.of("/sys/fs/cgroup/pids/lxc.payload." + name + "/pids.max")));
        ResourceLimits typed = LxcConfig.parse(config).lxc().resourceLimits();
        assertThat(typed.memory(CgroupVersion.V1)).hasValueSatisfying(
                l -> assertThat(l.toString()).isEqualTo(result.getKey().get("memory")));
        assertThat(typed.pids(CgroupVersion.V1)).hasValueSatisfying(
                l -> assertThat(l.toString()).isEqualTo(result.getKey().get("pids")));
        assertThat(result.getKey()).containsEntry("memory", String.valueOf(48L << 20)).containsEntry("pids", "32");
    }

    @Test
    void v1LimitsAreIgnoredOnCgroup2(@TempDir Path tmp) throws Exception {
        Path sync = syncDir(tmp);
        String config = Containers.config(syncMount(sync), "lxc.cgroup.memory.limit_in_bytes = 64M",
                "lxc.cgroup.pids.max = 12");
        var result = whileRunning(CgroupHost.CGROUP2, config, sync, NEST + "f 20 2>&1; echo end",
                name -> Map.of("procs", Path.of("/sys/fs/cgroup/unified/lxc.payload." + name + "/cgroup.procs"),
                        "v1 pids", Path.of("/sys/fs/cgroup/pids/lxc.payload." + name + "/pids.max")));
        assertThat(result.getKey()).containsEntry("v1 pids", "(missing)");
        assertThat(result.getKey().get("procs")).isNotBlank().isNotEqualTo("(missing)");
        assertThat(result.getValue().log()).contains("Ignoring legacy cgroup limits on pure cgroup2 system");
        assertThat(result.getValue().stdout()).contains("nested-ok").doesNotContain("can't fork");
    }

    @Test
    void cgroup2HugetlbLimitAppliesOnCgroup2AndIsIgnoredOnHybrid(@TempDir Path tmp) throws Exception {
        Path sync = syncDir(tmp);
        String config = Containers.config(syncMount(sync), "lxc.cgroup2.hugetlb.2MB.max = 4194304");
        Function<String, Map<String, Path>> file = name -> Map.of("hugetlb",
                Path.of("/sys/fs/cgroup/unified/lxc.payload." + name + "/hugetlb.2MB.max"));
        assertThat(whileRunning(CgroupHost.CGROUP2, config, sync, "", file).getKey())
                .containsEntry("hugetlb", "4194304");
        Files.delete(sync.resolve("ready"));
        Files.delete(sync.resolve("done"));
        var hybrid = whileRunning(CgroupHost.HYBRID, config, sync, "", file);
        // the kernel's default (no limit), not the configured one
        assertThat(hybrid.getKey().get("hugetlb")).isNotEqualTo("4194304").isNotEqualTo("(missing)");
        assertThat(hybrid.getValue().log()).contains("Ignoring cgroup2 limits on legacy cgroup system");
    }

    @Test
    void cgroup2MemoryLimitStopsLiblxcWhereTheControllerIsMissing() {
        String config = Containers.config("lxc.cgroup2.memory.max = 64M");
        ContainerRun run = Containers.run(CgroupHost.CGROUP2, config, "echo started");
        assertThat(run.exitCode()).as(run.describe()).isNotZero();
        assertThat(run.stdout()).doesNotContain("started");
        assertThat(run.log()).contains("Failed to set \"memory.max\" to \"64M\"");
        // the same line on the hybrid host: ignored, the container starts
        ContainerRun hybrid = Containers.run(CgroupHost.HYBRID, config, "echo started");
        assertThat(hybrid.stdout()).as(hybrid.describe()).contains("started");
    }
}
