package io.github.lxcconf.migrate;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.KnownDevice;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A migration never lets a container use more devices on a cgroup2 host unless the caller opts in. */
class WideningTest {

    private static final String COMMON = "lxc.include = /usr/share/lxc/config/common.conf\n";
    private static final DeviceAccess RW = DeviceAccess.parse("rw").orElseThrow();

    /** Whether the device decision grants any probed device more on a cgroup2 host after than before. */
    private static boolean widens(LxcConfig before, LxcConfig after) {
        DevicePolicy b = DevicePolicy.of(before);
        DevicePolicy a = DevicePolicy.of(after);
        for (KnownDevice d : KnownDevice.values()) {
            for (String letters : new String[] {"r", "w", "rw", "m"}) {
                DeviceAccess access = DeviceAccess.parse(letters).orElseThrow();
                if (a.decide(HostLayout.CGROUP2, d, access).granted() && !b.decide(HostLayout.CGROUP2, d, access).granted()) {
                    return true;
                }
            }
        }
        return a.decide(HostLayout.CGROUP2, DeviceType.BLOCK, 8, 0, RW).granted()
                && !b.decide(HostLayout.CGROUP2, DeviceType.BLOCK, 8, 0, RW).granted();
    }

    @Test
    void allowAllIsNotTranslatedByDefault() {
        LxcConfig config = LxcConfig.parse(COMMON + "lxc.cgroup.devices.allow = a\nlxc.cgroup.memory.limit_in_bytes = 512M\n");
        Migration m = config.migrate();
        // the memory limit is migrated, the device rule is left as it is
        assertThat(m.config().render()).isEqualTo(COMMON + "lxc.cgroup.devices.allow = a\nlxc.cgroup2.memory.max = 512M\n");
        assertThat(m.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS).singleElement()
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(2);
                    assertThat(d.message()).startsWith("the device rules were not migrated: on a cgroup2 host the"
                            + " migration would let the container use /dev/kvm (c 10:232) r, w, rw;");
                    assertThat(d.hint()).contains("review the devices, then migrate with --allow-widening"
                            + " (MigrationOptions.withWidening(true)) to apply it");
                });
        assertThat(widens(config, m.config())).isFalse();
        // opted in, the rule is translated, and the warning stays
        Migration widened = config.migrate(MigrationOptions.all().withWidening(true));
        assertThat(widened.config().render()).contains("lxc.cgroup2.devices.allow = a\n");
        assertThat(widened.diagnostics()).anyMatch(d -> d.code() == DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS
                && d.message().startsWith("the migration widens what the container may use on a cgroup2 host:"));
        assertThat(widens(config, widened.config())).isTrue();
    }

    @Test
    void aFinalDenyAllWouldBecomeAllowAll() {
        // liblxc empties its cgroup2 list at 'deny = a' and then attaches no program: every device is allowed
        LxcConfig config = LxcConfig.parse(COMMON + "lxc.cgroup.devices.allow = c 10:232 rwm\nlxc.cgroup.devices.deny = a\n");
        Migration m = config.migrate();
        assertThat(m.changed()).isFalse();
        assertThat(m.diagnostics()).anyMatch(d -> d.code() == DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS);
        Migration forced = config.migrate(MigrationOptions.all().withWidening(true));
        assertThat(forced.diagnostics()).anyMatch(d -> d.code() == DiagnosticCode.MIG_DEVICE_BEHAVIOUR_CHANGES
                && d.message().contains("/dev/kvm (c 10:232) r granted, w granted, rw granted, m granted"));
    }

    @Test
    void aMigrationThatGrantsNothingNewIsApplied() {
        LxcConfig config = LxcConfig.parse(COMMON + "lxc.cgroup2.devices.allow = c 10:232 rwm\n"
                + "lxc.cgroup.devices.allow = c 10:232 rwm\n");
        Migration m = config.migrate();
        // the v1 twin of a rule the config already has goes: the cgroup2 host grants what it granted
        assertThat(m.config().render()).isEqualTo(COMMON + "lxc.cgroup2.devices.allow = c 10:232 rwm\n");
        assertThat(m.diagnostics()).noneMatch(d -> d.code() == DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS
                || d.code() == DiagnosticCode.MIG_DEVICE_BEHAVIOUR_CHANGES);
    }

    @Test
    void theClassroomConfigNeedsTheOptInForKvmAndItsDevOption() throws IOException {
        LxcConfig classroom = LxcConfig.parse(Path.of("../lxcconf-examples/src/main/resources/classroom-102.conf"));
        Migration m = classroom.migrate();
        assertThat(m.changed()).isFalse();
        assertThat(m.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("the device rules were not migrated: on a cgroup2"
                        + " host the migration would let the container use /dev/kvm (c 10:232) r, w, rw;"
                        + " /dev/net/tun (c 10:200) r, w, rw"));
        Migration opted = classroom.migrate(MigrationOptions.all().withWidening(true));
        assertThat(opted.config().render()).contains("dev0: /dev/net/tun\n")
                .contains("lxc.cgroup2.devices.allow: c 10:232 rwm\n");
        assertThat(DevicePolicy.of(opted.config()).decide(HostLayout.CGROUP2, KnownDevice.KVM, RW).granted()).isTrue();
        // what the v1 host granted is what the cgroup2 host grants now: no behaviour warning
        assertThat(opted.diagnostics()).noneMatch(d -> d.code() == DiagnosticCode.MIG_DEVICE_BEHAVIOUR_CHANGES);
    }
}
