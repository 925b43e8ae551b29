package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class KnownDeviceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            KVM             | c 10:232 rwm  | /dev/kvm
            TUN             | c 10:200 rwm  | /dev/net/tun
            FUSE            | c 10:229 rwm  | /dev/fuse
            LOOP_CONTROL    | c 10:237 rwm  | /dev/loop-control
            DRI_CARD0       | c 226:0 rwm   | /dev/dri/card0
            DRI_RENDER_D128 | c 226:128 rwm | /dev/dri/renderD128
            FB0             | c 29:0 rwm    | /dev/fb0
            TTY_USB         | c 188:* rwm   | /dev/ttyUSB*
            TTY_ACM         | c 166:* rwm   | /dev/ttyACM*
            NULL            | c 1:3 rwm     | /dev/null
            ZERO            | c 1:5 rwm     | /dev/zero
            FULL            | c 1:7 rwm     | /dev/full
            RANDOM          | c 1:8 rwm     | /dev/random
            URANDOM         | c 1:9 rwm     | /dev/urandom
            TTY             | c 5:0 rwm     | /dev/tty
            PTMX            | c 5:2 rwm     | /dev/ptmx
            LOOP            | b 7:* rwm     | /dev/loop*
            """)
    @DisplayName("the devices users pass through: rule and path")
    void devices(KnownDevice device, String rule, String path) {
        assertThat(device.allow(CgroupVersion.V2).toValue()).isEqualTo(rule);
        assertThat(device.allow(CgroupVersion.V1).key()).isEqualTo("lxc.cgroup.devices.allow");
        assertThat(device.path()).isEqualTo(path);
        assertThat(KnownDevice.of(DeviceRule.parse(CgroupVersion.V1, true, rule))).contains(device);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KnownDevice.class)
    @DisplayName("every known device agrees with the device table and says what it is for")
    void agreesWithTable(KnownDevice d) {
        assertThat(d.purpose()).isNotBlank();
        assertThat(d.type()).isNotEqualTo(DeviceType.ALL);
        DeviceInfo info = d.minor().isPresent()
                ? DeviceCatalog.lookup(d.type(), d.major(), d.minor().getAsInt()).orElseThrow()
                : DeviceCatalog.lookupMajor(d.type(), d.major()).orElseThrow();
        String stem = d.path().endsWith("*") ? d.path().substring(0, d.path().length() - 1) : d.path();
        assertThat(info.name()).startsWith(stem);
        assertThat(d.allow(CgroupVersion.V2).deviceInfo()).contains(info);
    }

    @Test
    @DisplayName("of(rule): exact numbers or path; a * minor matches only an entry for all minors")
    void of() {
        assertThat(KnownDevice.of(DeviceRule.parse(CgroupVersion.V2, true, "/dev/fuse rwm")))
                .contains(KnownDevice.FUSE);
        assertThat(KnownDevice.of(DeviceRule.parse(CgroupVersion.V2, true, "c 10:232 r")))
                .contains(KnownDevice.KVM);
        assertThat(KnownDevice.of(DeviceRule.parse(CgroupVersion.V2, true, "c 10:* rwm"))).isEmpty();
        assertThat(KnownDevice.of(DeviceRule.parse(CgroupVersion.V2, true, "c 188:0 rwm"))).isEmpty();
        assertThat(KnownDevice.of(DeviceRule.parse(CgroupVersion.V2, true, "b 10:232 rwm"))).isEmpty();
        assertThat(KnownDevice.of(DeviceRule.parse(CgroupVersion.V2, false, "a"))).isEmpty();
        assertThat(KnownDevice.TTY_USB.minor()).isEqualTo(OptionalInt.empty());
        assertThat(KnownDevice.KVM.minor()).isEqualTo(OptionalInt.of(232));
        assertThat(KnownDevice.KVM.major()).isEqualTo(10);
        assertThat(Arrays.stream(KnownDevice.values()).map(KnownDevice::path).distinct().count())
                .isEqualTo(KnownDevice.values().length);
    }

    @Test
    void byPathFindsExactlyTheNodePath() {
        assertThat(KnownDevice.byPath("/dev/kvm")).contains(KnownDevice.KVM);
        assertThat(KnownDevice.byPath("/dev/net/tun")).contains(KnownDevice.TUN);
        assertThat(KnownDevice.byPath("/dev/ttyUSB0")).isEmpty();
        assertThat(KnownDevice.byPath("/dev/kvm/")).isEmpty();
        for (KnownDevice d : KnownDevice.values()) {
            assertThat(KnownDevice.byPath(d.path())).contains(d);
        }
    }
}
