package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.lxcconf.explain.Explanation;
import io.github.lxcconf.migrate.Migration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Operations that were super-linear in the size of their input, each at a size where the old code took
 * minutes. The budgets are loose (about ten times what the linear code needs on a busy build machine):
 * they catch a quadratic path, not a slow one. The precise timing is in lxcconf-benchmarks.
 */
class ScalingTest {
    private static final Duration BUDGET = Duration.ofSeconds(20);
    /** For explain() and migrate() of tens of thousands of lines, which do much per line. */
    private static final Duration LARGE_BUDGET = Duration.ofSeconds(60);

    private static LxcConfig proxmox(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("101.conf").parse(text);
    }

    @Test
    void aLongBlankRunInsideAProxmoxValueIsValidatedAndRewrittenInLinearTime() {
        // 400 KB of blanks inside one value: 11-16 s at 80 KB before, quadratic
        LxcConfig config = proxmox("arch: amd64\nhostname: a" + " ".repeat(400_000) + "b\n"
                + "lxc.uts.name = a" + " ".repeat(400_000) + "b\n");
        assertTimeoutPreemptively(BUDGET, () -> {
            config.validate();
            assertThat(config.proxmoxRewrite().text()).contains("hostname: a");
        });
    }

    @Test
    void deviceRulesAndMountEntriesAreMatchedInLinearTime() {
        // 10 000 device rules and 10 000 bind mounts of other paths: every rule read every mount before
        StringBuilder b = new StringBuilder("arch: amd64\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("lxc.cgroup2.devices.allow: c 10:200 rwm\n");
            b.append("lxc.mount.entry: /srv/data").append(i).append(" srv/data none bind 0 0\n");
        }
        b.append("lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file 0 0\n");
        LxcConfig config = proxmox(b.toString());
        assertTimeoutPreemptively(LARGE_BUDGET, () -> {
            Migration m = config.migrate();
            assertThat(m.config().values("dev0")).containsExactly("/dev/net/tun");
            assertThat(m.config().values("lxc.cgroup2.devices.allow")).isEmpty();
            assertThat(config.explain().toText()).contains("dev0");
        });
    }

    @Test
    void removingManyLinesIsLinear() {
        // 200 000 mount entries above 200 000 other lines: each removal moved every line below it
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            b.append("lxc.mount.entry = /srv/").append(i).append(" srv none bind 0 0\n");
        }
        for (int i = 0; i < 200_000; i++) {
            b.append("lxc.environment = N").append(i).append("=1\n");
        }
        LxcConfig config = LxcConfig.parse(b.toString());
        assertTimeoutPreemptively(BUDGET, () -> {
            LxcConfig edited = config.edit().remove("lxc.mount.entry").build();
            assertThat(edited.lines()).hasSize(200_000);
            assertThat(edited.lines().get(0)).isSameAs(config.lines().get(200_000));
        });
    }

    @Test
    void removingManyGivenLinesIsLinear() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            b.append("lxc.environment = N").append(i).append("=1\n");
        }
        LxcConfig config = LxcConfig.parse(b.toString());
        assertTimeoutPreemptively(BUDGET, () -> {
            var edit = config.edit();
            for (int i = 0; i < 200_000; i += 2) {
                edit.remove(config.lines().get(i));
            }
            LxcConfig edited = edit.build();
            assertThat(edited.lines()).hasSize(100_000);
            assertThat(edited.lines().get(0)).isSameAs(config.lines().get(1));
            assertThat(edited.lines().get(99_999)).isSameAs(config.lines().get(199_999));
        });
    }

    @Test
    void migratingManyPivotdirLinesIsLinear() {
        StringBuilder b = new StringBuilder("lxc.arch = amd64\n");
        for (int i = 0; i < 200_000; i++) {
            b.append("lxc.pivotdir = lxc_putold\n");
        }
        b.append("lxc.uts.name = web\n");
        LxcConfig config = LxcConfig.parse(b.toString());
        assertTimeoutPreemptively(BUDGET, () -> {
            Migration m = config.migrate();
            assertThat(m.config().render()).isEqualTo("lxc.arch = amd64\nlxc.uts.name = web\n");
            assertThat(m.changes()).hasSize(200_000);
        });
    }

    @Test
    void aLargeProxmoxMainSectionIsExplainedInLinearTime() {
        StringBuilder b = new StringBuilder("arch: amd64\nhostname: web\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("mp").append(i % 256).append(": /tank/").append(i).append(",mp=/m").append(i).append('\n');
            b.append("lxc.cgroup2.devices.allow: c 10:200 rwm\n");
            b.append("lxc.mount.entry: /dev/x").append(i).append(" dev/x").append(i).append(" none bind 0 0\n");
            b.append("net").append(i % 32).append(": name=eth").append(i).append(",bridge=vmbr0\n");
        }
        LxcConfig config = proxmox(b.toString());
        assertTimeoutPreemptively(LARGE_BUDGET, () -> {
            Explanation e = config.explain();
            assertThat(e.toText()).contains("mp255");
        });
    }
}
