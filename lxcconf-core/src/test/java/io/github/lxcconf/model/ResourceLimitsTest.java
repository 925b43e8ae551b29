package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceLimitsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            lxc.cgroup2.memory.max            | 512M       | 536870912
            lxc.cgroup2.memory.max            | 2G         | 2147483648
            lxc.cgroup2.memory.max            | 1k         | 1024
            lxc.cgroup2.memory.max            | max        | max
            lxc.cgroup2.memory.max            | 0x10       | 16
            lxc.cgroup.memory.limit_in_bytes  | -1         | max
            lxc.cgroup.memory.limit_in_bytes  | 1073741824 | 1073741824
            """)
    @DisplayName("memory: memparse (base 0, K M G T P E), 'max' (v2) or '-1' (v1) for none")
    void memory(String key, String value, String limit) {
        CgroupVersion v = key.startsWith("lxc.cgroup2.") ? CgroupVersion.V2 : CgroupVersion.V1;
        assertThat(lxc(key + " = " + value + "\n").resourceLimits().memory(v)).hasValueSatisfying(
                l -> assertThat(l).hasToString(limit));
    }

    @Test
    @DisplayName("both key families: swap, pids, cpu weight and quota, cpuset ranges, io weight")
    void families() {
        ResourceLimits v2 = lxc("""
                lxc.cgroup2.memory.swap.max = 0
                lxc.cgroup2.pids.max = max
                lxc.cgroup2.cpu.weight = 200
                lxc.cgroup2.cpu.max = 150000 100000
                lxc.cgroup2.cpuset.cpus = 0-3,6
                lxc.cgroup2.io.weight = default 300
                """).resourceLimits();
        assertThat(v2.swap(CgroupVersion.V2)).contains(ResourceLimits.Limit.of(0));
        assertThat(v2.pids(CgroupVersion.V2)).contains(ResourceLimits.Limit.UNLIMITED);
        assertThat(v2.cpuWeight(CgroupVersion.V2)).hasValue(200);
        assertThat(v2.cpuQuota(CgroupVersion.V2)).hasValueSatisfying(q -> assertThat(q.cpus()).isEqualTo(1.5));
        assertThat(v2.cpus(CgroupVersion.V2)).contains(List.of(new ResourceLimits.CpuRange(0, 3),
                new ResourceLimits.CpuRange(6, 6)));
        assertThat(v2.ioWeight(CgroupVersion.V2)).hasValue(300);
        assertThat(v2.memory(CgroupVersion.V1)).as("the other family").isEmpty();
        ResourceLimits v1 = lxc("""
                lxc.cgroup.memory.memsw.limit_in_bytes = 2G
                lxc.cgroup.pids.max = 0x100
                lxc.cgroup.cpu.shares = 512
                lxc.cgroup.cpu.cfs_quota_us = 50000
                lxc.cgroup.cpu.cfs_period_us = 200000
                lxc.cgroup.cpuset.cpus = 1
                lxc.cgroup.blkio.weight = 500
                """).resourceLimits();
        assertThat(v1.swap(CgroupVersion.V1)).contains(ResourceLimits.Limit.of(2L << 30));
        assertThat(v1.pids(CgroupVersion.V1)).contains(ResourceLimits.Limit.of(256));
        assertThat(v1.cpuWeight(CgroupVersion.V1)).hasValue(512);
        assertThat(v1.cpuQuota(CgroupVersion.V1)).contains(new ResourceLimits.CpuQuota(OptionalLong.of(50000),
                200000));
        assertThat(v1.cpus(CgroupVersion.V1)).contains(List.of(new ResourceLimits.CpuRange(1, 1)));
        assertThat(v1.ioWeight(CgroupVersion.V1)).hasValue(500);
        assertThat(lxc("lxc.cgroup2.cpu.max = max\n").resourceLimits().cpuQuota(CgroupVersion.V2))
                .hasValueSatisfying(q -> assertThat(q).hasToString("max/100000 us"));
    }

    @Test
    @DisplayName("liblxc keeps every line of a key: the last counts; an empty value clears the key, lxc.cgroup2 = all")
    void listSemantics() {
        ResourceLimits r = lxc("""
                lxc.cgroup2.memory.max = 1G
                lxc.cgroup2.pids.max = 10
                lxc.cgroup2.memory.max = 2G
                lxc.cgroup.cpu.shares = 512
                """).resourceLimits();
        assertThat(r.values("lxc.cgroup2.memory.max")).containsExactly("1G", "2G");
        assertThat(r.memory(CgroupVersion.V2)).contains(ResourceLimits.Limit.of(2L << 30));
        assertThat(r.keys()).containsExactly("lxc.cgroup2.memory.max", "lxc.cgroup2.pids.max",
                "lxc.cgroup.cpu.shares");
        assertThat(lxc("lxc.cgroup2.memory.max = 1G\nlxc.cgroup2.memory.max =\n").resourceLimits())
                .isEqualTo(ResourceLimits.NONE);
        ResourceLimits cleared = lxc("""
                lxc.cgroup2.memory.max = 1G
                lxc.cgroup.cpu.shares = 512
                lxc.cgroup2.devices.allow = a
                lxc.cgroup2 =
                lxc.cgroup2.pids.max = 5
                """).resourceLimits();
        assertThat(cleared.keys()).containsExactly("lxc.cgroup.cpu.shares", "lxc.cgroup2.pids.max");
        assertThat(lxc("lxc.cgroup2.devices.allow = a\nlxc.cgroup.dir = x\n").resourceLimits())
                .isEqualTo(ResourceLimits.NONE);
    }

    @Test
    @DisplayName("a value the kernel refuses at start is left out and reported (LXC121)")
    void refused() {
        assertThat(problems("""
                lxc.cgroup2.memory.max = 1.5G
                lxc.cgroup2.cpu.weight = 0
                lxc.cgroup2.cpuset.cpus = 3-1
                lxc.cgroup.memory.limit_in_bytes = unlimited
                lxc.cgroup2.pids.max = -1
                lxc.cgroup2.cpu.max = 1.5
                lxc.cgroup2.memory.high = 1G
                """)).containsExactly(
                "1:26 warning LXC121 the kernel refuses '1.5G' for memory.max when the container starts: liblxc does"
                        + " not read it when it loads the file",
                "2:26 warning LXC121 the kernel refuses '0' for cpu.weight when the container starts: liblxc does"
                        + " not read it when it loads the file",
                "3:27 warning LXC121 the kernel refuses '3-1' for cpuset.cpus when the container starts: liblxc"
                        + " does not read it when it loads the file",
                "4:36 warning LXC121 the kernel refuses 'unlimited' for memory.limit_in_bytes when the container"
                        + " starts: liblxc does not read it when it loads the file",
                "5:24 warning LXC121 the kernel refuses '-1' for pids.max when the container starts: liblxc does"
                        + " not read it when it loads the file",
                "6:23 warning LXC121 the kernel refuses '1.5' for cpu.max when the container starts: liblxc does"
                        + " not read it when it loads the file");
        assertThat(lxc("lxc.cgroup2.memory.max = 1.5G\n").resourceLimits().memory(CgroupVersion.V2)).isEmpty();
    }

    @Test
    @DisplayName("io limits: one device per write, so every line counts; per device and kind the last")
    void ioLimits() {
        ResourceLimits v2 = lxc("""
                lxc.cgroup2.io.max = 8:0 rbps=1048576 wiops=max
                lxc.cgroup2.io.max = 8:0 rbps=2097152
                """).resourceLimits();
        assertThat(v2.ioLimits(CgroupVersion.V2)).hasToString("[8:0 rbps=2097152, 8:0 wiops=max]");
        assertThat(v2.ioLimits(CgroupVersion.V2)).hasSize(2);
        assertThat(problems("lxc.cgroup2.io.max = 8:16 wbps=2M\nlxc.cgroup2.io.max = 8:16 xbps=1\n"))
                .containsExactly("1:22 warning LXC121 the kernel reads only the digits at the start of each number in"
                        + " '8:16 wbps=2M' for io.max (2M is 2): liblxc does not read it when it loads the file",
                        "2:22 warning LXC121 the kernel refuses '8:16 xbps=1' for io.max when the container starts:"
                                + " liblxc does not read it when it loads the file");
        assertThat(lxc("lxc.cgroup2.io.max = 8:16 wbps=2M\n").resourceLimits().ioLimits(CgroupVersion.V2))
                .hasToString("[8:16 wbps=2]");
        ResourceLimits v1 = lxc("""
                lxc.cgroup.blkio.throttle.read_bps_device = 8:0 1048576
                lxc.cgroup.blkio.throttle.write_iops_device = 8:0 100
                lxc.cgroup.blkio.throttle.read_bps_device = 8:16 0
                """).resourceLimits();
        assertThat(v1.ioLimits(CgroupVersion.V1)).hasToString("[8:0 rbps=1048576, 8:16 rbps=max, 8:0 wiops=100]");
        assertThat(v1.ioLimits(CgroupVersion.V2)).isEmpty();
    }
}
