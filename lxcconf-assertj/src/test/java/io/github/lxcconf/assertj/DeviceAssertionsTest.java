package io.github.lxcconf.assertj;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.KnownDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.github.lxcconf.assertj.Configs.classroom;
import static io.github.lxcconf.assertj.Configs.classroomText;
import static io.github.lxcconf.assertj.Configs.named;
import static io.github.lxcconf.assertj.LxcConfigAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class DeviceAssertionsTest {

    private static final DeviceAccess R = new DeviceAccess(true, false, false);
    private static final DeviceAccess RW = new DeviceAccess(true, true, false);
    private static final DeviceAccess RWM = DeviceAccess.RWM;

    /** Config text, device, access, whether the config grants it. */
    static Stream<Arguments> verdicts() {
        return Stream.of(
                arguments("no rules", "lxc.arch = amd64\n", KnownDevice.KVM, RW, false),
                arguments("v2 exact rule", "lxc.cgroup2.devices.allow = c 10:232 rwm\n", KnownDevice.KVM, RW, true),
                arguments("another device", "lxc.cgroup2.devices.allow = c 10:200 rwm\n", KnownDevice.KVM, RW, false),
                arguments("block, not char", "lxc.cgroup2.devices.allow = b 10:232 rwm\n", KnownDevice.KVM, RW, false),
                arguments("read only rule, rw asked", "lxc.cgroup2.devices.allow = c 10:232 r\n", KnownDevice.KVM, RW,
                        false),
                arguments("read only rule, r asked", "lxc.cgroup2.devices.allow = c 10:232 r\n", KnownDevice.KVM, R,
                        true),
                arguments("rw rule, mknod asked", "lxc.cgroup2.devices.allow = c 10:232 rw\n", KnownDevice.KVM, RWM,
                        false),
                arguments("minor wildcard", "lxc.cgroup2.devices.allow = c 10:* rwm\n", KnownDevice.TUN, RW, true),
                arguments("both wildcards", "lxc.cgroup2.devices.allow = c *:* rwm\n", KnownDevice.KVM, RWM, true),
                arguments("char wildcard, block asked", "lxc.cgroup2.devices.allow = c *:* rwm\n", KnownDevice.LOOP,
                        RW, false),
                arguments("type a", "lxc.cgroup2.devices.allow = a *:* rwm\n", KnownDevice.LOOP, RW, true),
                arguments("global allow", "lxc.cgroup2.devices.allow = a\n", KnownDevice.KVM, RWM, true),
                arguments("deny all, then allow", "lxc.cgroup2.devices.deny = a\nlxc.cgroup2.devices.allow = c 10:232 rwm\n",
                        KnownDevice.KVM, RW, true),
                arguments("allow, then deny all", "lxc.cgroup2.devices.allow = c 10:232 rwm\nlxc.cgroup2.devices.deny = a\n",
                        KnownDevice.KVM, RW, false),
                // liblxc's cgroup2 program is an allowlist here: it skips a deny rule for particular devices
                arguments("allow, then deny w: the deny is skipped", "lxc.cgroup2.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 w\n", KnownDevice.KVM, RW, true),
                // ... but a rule identical to a listed one flips it
                arguments("allow, then the identical deny", "lxc.cgroup2.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 rwm\n", KnownDevice.KVM, RW, false),
                arguments("allow all, then deny kvm", "lxc.cgroup2.devices.allow = a\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 rwm\n", KnownDevice.KVM, RW, false),
                arguments("allow all, then deny kvm, tun asked", "lxc.cgroup2.devices.allow = a\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 rwm\n", KnownDevice.TUN, RW, true),
                arguments("v1: allow, then deny w", "lxc.cgroup.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup.devices.deny = c 10:232 w\n", KnownDevice.KVM, RW, false),
                arguments("allow, then deny w, r asked", "lxc.cgroup2.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 w\n", KnownDevice.KVM, R, true),
                arguments("deny, then allow", "lxc.cgroup2.devices.deny = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.allow = c 10:232 rwm\n", KnownDevice.KVM, RW, true),
                arguments("v1 grants, v2 denies", "lxc.cgroup.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 rwm\n", KnownDevice.KVM, RW, true),
                arguments("r from v1, w from v2: neither grants rw", "lxc.cgroup.devices.allow = c 10:232 r\n"
                        + "lxc.cgroup2.devices.allow = c 10:232 w\n", KnownDevice.KVM, RW, false),
                arguments("path rule", "lxc.cgroup2.devices.allow = /dev/kvm rwm\n", KnownDevice.KVM, RW, true),
                arguments("path rule of another device", "lxc.cgroup2.devices.allow = /dev/fuse rwm\n", KnownDevice.KVM,
                        RW, false),
                arguments("cleared list", "lxc.cgroup2.devices.allow = c 10:232 rwm\nlxc.cgroup2.devices.allow =\n",
                        KnownDevice.KVM, RW, false),
                arguments("bad rule is ignored", "lxc.cgroup2.devices.allow = c 10:232  rwm\n", KnownDevice.KVM, RW,
                        false),
                arguments("whole major asked, whole major allowed", "lxc.cgroup2.devices.allow = c 188:* rwm\n",
                        KnownDevice.TTY_USB, RW, true),
                arguments("whole major asked, one minor allowed", "lxc.cgroup2.devices.allow = c 188:0 rwm\n",
                        KnownDevice.TTY_USB, RW, false),
                arguments("loop devices", "lxc.cgroup2.devices.allow = b 7:* rwm\n", KnownDevice.LOOP, RWM, true),
                arguments("Proxmox devN", "arch: amd64\ndev0: /dev/kvm\n", KnownDevice.KVM, RW, true),
                arguments("Proxmox devN by the path's gid", "arch: amd64\ndev0: /dev/net/tun,gid=0\n", KnownDevice.TUN,
                        RW, true),
                arguments("Proxmox devN gives no mknod", "arch: amd64\ndev0: /dev/kvm\n", KnownDevice.KVM, RWM, false),
                arguments("Proxmox devN deny-write", "arch: amd64\ndev0: /dev/kvm,deny-write=1\n", KnownDevice.KVM, RW,
                        false),
                arguments("Proxmox devN deny-write, r asked", "arch: amd64\ndev0: /dev/kvm,deny-write=1\n",
                        KnownDevice.KVM, R, true),
                arguments("Proxmox devN of another device", "arch: amd64\ndev0: /dev/fuse\n", KnownDevice.KVM, RW,
                        false),
                arguments("Proxmox raw v2 rule", "arch: amd64\nlxc.cgroup2.devices.allow: c 10:200 rwm\n",
                        KnownDevice.TUN, RW, true),
                arguments("classroom: v1 rules", classroomText(), KnownDevice.KVM, RWM, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void allowsAndDeniesAreOpposites(String name, String text, KnownDevice device, DeviceAccess access,
                                     boolean granted) {
        LxcConfig config = LxcConfig.parse(text);
        if (granted) {
            assertThatCode(() -> assertThat(config).allowsDevice(device, access)).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(config).deniesDevice(device, access))
                    .isInstanceOf(AssertionError.class);
        } else {
            assertThatCode(() -> assertThat(config).deniesDevice(device, access)).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(config).allowsDevice(device, access))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void numbersAndKnownDevicesAskTheSame() {
        LxcConfig config = named("ct.conf", "lxc.cgroup2.devices.allow = c 10:232 rw\n");
        assertThat(config)
                .allowsDevice(DeviceType.CHAR, 10, 232)
                .allowsDevice(DeviceType.CHAR, 10, 232, new DeviceAccess(false, true, false))
                .allowsDevice(KnownDevice.KVM)
                .deniesDevice(DeviceType.CHAR, 10, 232, RWM)
                .deniesDevice(DeviceType.CHAR, 10, 200)
                .deniesDevice(KnownDevice.TUN);
    }

    @Test
    void allowFailureQuotesTheRulesAndMarksTheDenyingOne() {
        String text = classroomText()
                .replace("lxc.cgroup.devices.allow: c 10:232 rwm", "lxc.cgroup.devices.allow: c 10:200 rwm")
                .replace("lxc.cgroup.devices.allow: c 10:200 rwm\nlxc.mount", "lxc.cgroup2.devices.deny: c 10:232 rwm\nlxc.mount");
        assertThatThrownBy(() -> assertThat(named("classroom-102.conf", text)).allowsDevice(DeviceType.CHAR, 10, 232))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to allow character device 10:232 (/dev/kvm) with access rw,
                        but no rule grants it; the device rules are:
                          line 13: lxc.cgroup.devices.allow: c 10:200 rwm
                          line 16: lxc.cgroup2.devices.deny: c 10:232 rwm   <- ignored: in an allowlist liblxc skips a deny rule for particular devices""");
    }

    @Test
    void allowFailureOfTheClassroomConfigNamesTheDeviceAndTheDescription() {
        assertThatThrownBy(() -> assertThat(classroom()).as("lab container").allowsDevice(KnownDevice.FUSE))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        [lab container] Expecting config "classroom-102.conf" to allow character device 10:229 \
                        (/dev/fuse) with access rw,
                        but no rule grants it; the device rules are:
                          line 13: lxc.cgroup.devices.allow: c 10:232 rwm
                          line 16: lxc.cgroup.devices.allow: c 10:200 rwm""");
    }

    @Test
    void allowFailureWithoutRulesSaysWhatLxcDoes() {
        assertThatThrownBy(() -> assertThat(named("web/config", "lxc.arch = amd64\n")).allowsDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to allow character device 10:232 (/dev/kvm) with access rw,
                        but the config has no device rules; LXC's default denies every device not in its short \
                        default list""");
        assertThatThrownBy(() -> assertThat(named("105.conf", "arch: amd64\n")).allowsDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "105.conf" to allow character device 10:232 (/dev/kvm) with access rw,
                        but the config has no device rules and no devN options; LXC's default denies every device \
                        not in its short default list""");
    }

    @Test
    void allowFailureMarksPartialGrants() {
        LxcConfig config = named("web/config", """
                lxc.cgroup.devices.allow = c 10:200 rwm
                lxc.cgroup2.devices.allow = c 10:232 r
                lxc.cgroup2.devices.deny = c 10:232 w
                """);
        assertThatThrownBy(() -> assertThat(config).allowsDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to allow character device 10:232 (/dev/kvm) with access rw,
                        but no rule grants it; the device rules are:
                          line 1: lxc.cgroup.devices.allow = c 10:200 rwm
                          line 2: lxc.cgroup2.devices.allow = c 10:232 r   <- grants only r
                          line 3: lxc.cgroup2.devices.deny = c 10:232 w   <- ignored: in an allowlist liblxc skips a deny rule for particular devices""");
    }

    @Test
    void allowFailureOfABlockDeviceWithEveryMinor() {
        assertThatThrownBy(() -> assertThat(named("web/config", "lxc.cgroup2.devices.deny = a\n"))
                .allowsDevice(KnownDevice.LOOP, RWM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to allow block device 7:* (/dev/loop*) with access rwm,
                        but no rule grants it; the device rules are:
                          line 1: lxc.cgroup2.devices.deny = a   <- denies every device that no later rule allows""");
    }

    @Test
    void allowFailureOfAProxmoxDeviceMarksDenyWrite() {
        LxcConfig config = named("105.conf", "arch: amd64\ndev0: /dev/kvm,deny-write=1\ndev1: /dev/net/tun\n");
        assertThatThrownBy(() -> assertThat(config).allowsDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "105.conf" to allow character device 10:232 (/dev/kvm) with access rw,
                        but no rule grants it; the devN options are:
                          line 2: dev0: /dev/kvm,deny-write=1   <- passes it through with access r (deny-write)
                          line 3: dev1: /dev/net/tun""");
    }

    @Test
    void denyFailureMarksTheGrantingLines() {
        assertThatThrownBy(() -> assertThat(classroom()).deniesDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to deny character device 10:232 (/dev/kvm) with access rw,
                        but it is granted; the device rules are:
                          line 13: lxc.cgroup.devices.allow: c 10:232 rwm   <- grants it (last matching rule)
                          line 16: lxc.cgroup.devices.allow: c 10:200 rwm""");
        LxcConfig proxmox = named("105.conf", "arch: amd64\nlxc.cgroup2.devices.allow: c 10:232 rwm\ndev0: /dev/kvm\n");
        assertThatThrownBy(() -> assertThat(proxmox).deniesDevice(DeviceType.CHAR, 10, 232))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "105.conf" to deny character device 10:232 (/dev/kvm) with access rw,
                        but it is granted; the device rules and devN options are:
                          line 2: lxc.cgroup2.devices.allow: c 10:232 rwm   <- grants it
                          line 3: dev0: /dev/kvm   <- passes it through to the container""");
    }

    @Test
    void withFailMessageReplacesTheMessage() {
        assertThatThrownBy(() -> assertThat(classroom()).withFailMessage("no %s", "kvm").deniesDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no kvm");
    }

    @Test
    void aDeviceIsCharacterOrBlock() {
        assertThatThrownBy(() -> assertThat(classroom()).allowsDevice(DeviceType.ALL, 10, 232))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ask about a character (CHAR) or block (BLOCK) device, not ALL");
        assertThatThrownBy(() -> assertThat(classroom()).allowsDevice(DeviceType.CHAR, 10, 232, DeviceAccess.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the access must name at least one of r, w and m");
    }

    @Test
    void aNullConfigFailsAsInAssertJ() {
        assertThatThrownBy(() -> assertThat(null).allowsDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }
}
