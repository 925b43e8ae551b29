package io.github.lxcconf.assertj;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.HostLayout;
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

    private static final String COMMON = "lxc.include = /usr/share/lxc/config/common.conf\n";

    /**
     * Config text (a native config includes LXC's common.conf first), device, access, host layout, whether the
     * container gets the device. Every case was also run in a real container (lxcconf-it).
     */
    static Stream<Arguments> verdicts() {
        HostLayout v2 = HostLayout.CGROUP2;
        HostLayout hybrid = HostLayout.HYBRID;
        return Stream.of(
                arguments("no rules", "lxc.arch = amd64\n", KnownDevice.KVM, RW, v2, false),
                arguments("no rules, hybrid", "lxc.arch = amd64\n", KnownDevice.KVM, RW, hybrid, false),
                arguments("v2 exact rule", "lxc.cgroup2.devices.allow = c 10:232 rwm\n", KnownDevice.KVM, RW, v2, true),
                arguments("v2 rule on a hybrid host", "lxc.cgroup2.devices.allow = c 10:232 rwm\n", KnownDevice.KVM, RW,
                        hybrid, false),
                arguments("v1 rule on a hybrid host", "lxc.cgroup.devices.allow = c 10:232 rwm\n", KnownDevice.KVM, RW,
                        hybrid, true),
                arguments("v1 rule on a cgroup2 host", "lxc.cgroup.devices.allow = c 10:232 rwm\n", KnownDevice.KVM, RW,
                        v2, false),
                arguments("another device", "lxc.cgroup2.devices.allow = c 10:200 rwm\n", KnownDevice.KVM, RW, v2, false),
                arguments("block, not char", "lxc.cgroup2.devices.allow = b 10:232 rwm\n", KnownDevice.KVM, RW, v2, false),
                arguments("read only rule, rw asked", "lxc.cgroup2.devices.allow = c 10:232 r\n", KnownDevice.KVM, RW,
                        v2, false),
                arguments("read only rule, r asked", "lxc.cgroup2.devices.allow = c 10:232 r\n", KnownDevice.KVM, R,
                        v2, true),
                arguments("rw rule, mknod asked", "lxc.cgroup2.devices.allow = c 10:232 rw\n", KnownDevice.KVM, RWM,
                        v2, false),
                arguments("minor wildcard", "lxc.cgroup2.devices.allow = c 10:* rwm\n", KnownDevice.TUN, RW, v2, true),
                arguments("both wildcards", "lxc.cgroup2.devices.allow = c *:* rwm\n", KnownDevice.KVM, RWM, v2, true),
                arguments("char wildcard, block asked", "lxc.cgroup2.devices.allow = c *:* rwm\n", KnownDevice.LOOP,
                        RW, v2, false),
                // the kernel refuses a device program with a rule that checks nothing: the container does not start
                arguments("a *:* rwm stops the start", "lxc.cgroup2.devices.allow = a *:* rwm\n", KnownDevice.LOOP, RW,
                        v2, false),
                arguments("global allow", "lxc.cgroup2.devices.allow = a\n", KnownDevice.KVM, RWM, v2, true),
                arguments("deny all, then allow", "lxc.cgroup2.devices.deny = a\nlxc.cgroup2.devices.allow = c 10:232 rwm\n",
                        KnownDevice.KVM, RW, v2, true),
                // the global rule empties the list: liblxc attaches no device program at all
                arguments("allow, then deny all", "lxc.cgroup2.devices.allow = c 10:232 rwm\nlxc.cgroup2.devices.deny = a\n",
                        KnownDevice.KVM, RW, v2, true),
                // liblxc's cgroup2 program is an allowlist here: it skips a deny rule for particular devices
                arguments("allow, then deny w: the deny is skipped", "lxc.cgroup2.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 w\n", KnownDevice.KVM, RW, v2, true),
                // ... but a rule identical to a listed one flips it
                arguments("allow, then the identical deny", "lxc.cgroup2.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 rwm\n", KnownDevice.KVM, RW, v2, false),
                arguments("allow all, then deny kvm", "lxc.cgroup2.devices.allow = a\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 rwm\n", KnownDevice.KVM, RW, v2, false),
                arguments("allow all, then deny kvm, tun asked", "lxc.cgroup2.devices.allow = a\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 rwm\n", KnownDevice.TUN, RW, v2, true),
                arguments("v1: allow, then deny w", "lxc.cgroup.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup.devices.deny = c 10:232 w\n", KnownDevice.KVM, RW, hybrid, false),
                arguments("v1: allow, then deny w, r asked", "lxc.cgroup.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup.devices.deny = c 10:232 w\n", KnownDevice.KVM, R, hybrid, true),
                // the kernel removes only an exception with exactly the same numbers
                arguments("v1: allow 10:*, then deny kvm", "lxc.cgroup.devices.allow = c 10:* rw\n"
                        + "lxc.cgroup.devices.deny = c 10:232 rw\n", KnownDevice.KVM, RW, hybrid, true),
                arguments("allow, then deny w, r asked", "lxc.cgroup2.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 w\n", KnownDevice.KVM, R, v2, true),
                arguments("deny, then allow", "lxc.cgroup2.devices.deny = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.allow = c 10:232 rwm\n", KnownDevice.KVM, RW, v2, true),
                arguments("v1 grants, v2 denies: cgroup2 host", "lxc.cgroup.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 rwm\n", KnownDevice.KVM, RW, v2, false),
                arguments("v1 grants, v2 denies: hybrid host", "lxc.cgroup.devices.allow = c 10:232 rwm\n"
                        + "lxc.cgroup2.devices.deny = c 10:232 rwm\n", KnownDevice.KVM, RW, hybrid, true),
                arguments("r from v1, w from v2: neither grants rw", "lxc.cgroup.devices.allow = c 10:232 r\n"
                        + "lxc.cgroup2.devices.allow = c 10:232 w\n", KnownDevice.KVM, RW, v2, false),
                arguments("path rule", "lxc.cgroup2.devices.allow = /dev/kvm rwm\n", KnownDevice.KVM, RW, v2, true),
                arguments("path rule of another device", "lxc.cgroup2.devices.allow = /dev/fuse rwm\n", KnownDevice.KVM,
                        RW, v2, false),
                // the empty value takes common.conf's allow rules away too: no program is attached
                arguments("cleared list", "lxc.cgroup2.devices.allow = c 10:232 rwm\nlxc.cgroup2.devices.allow =\n",
                        KnownDevice.KVM, RW, v2, true),
                arguments("a bad rule stops the start", "lxc.cgroup2.devices.allow = c 10:232  rwm\n", KnownDevice.KVM,
                        RW, v2, false),
                arguments("whole major asked, whole major allowed", "lxc.cgroup2.devices.allow = c 188:* rwm\n",
                        KnownDevice.TTY_USB, RW, v2, true),
                arguments("whole major asked, one minor allowed", "lxc.cgroup2.devices.allow = c 188:0 rwm\n",
                        KnownDevice.TTY_USB, RW, v2, false),
                arguments("loop devices", "lxc.cgroup2.devices.allow = b 7:* rwm\n", KnownDevice.LOOP, RWM, v2, true),
                arguments("Proxmox devN", "arch: amd64\ndev0: /dev/kvm\n", KnownDevice.KVM, RW, v2, true),
                arguments("Proxmox devN by the path's gid", "arch: amd64\ndev0: /dev/net/tun,gid=0\n", KnownDevice.TUN,
                        RW, v2, true),
                arguments("Proxmox devN gives no mknod", "arch: amd64\ndev0: /dev/kvm\n", KnownDevice.KVM, RWM, v2,
                        false),
                arguments("Proxmox devN deny-write", "arch: amd64\ndev0: /dev/kvm,deny-write=1\n", KnownDevice.KVM, RW,
                        v2, false),
                arguments("Proxmox devN deny-write, r asked", "arch: amd64\ndev0: /dev/kvm,deny-write=1\n",
                        KnownDevice.KVM, R, v2, true),
                arguments("Proxmox devN of another device", "arch: amd64\ndev0: /dev/fuse\n", KnownDevice.KVM, RW,
                        v2, false),
                arguments("Proxmox raw v2 rule", "arch: amd64\nlxc.cgroup2.devices.allow: c 10:200 rwm\n",
                        KnownDevice.TUN, RW, v2, true),
                arguments("classroom: v1 rules, cgroup2 host", classroomText(), KnownDevice.KVM, RWM, v2, false),
                arguments("classroom: v1 rules, hybrid host", classroomText(), KnownDevice.KVM, RWM, hybrid, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void allowsAndDeniesAreOpposites(String name, String text, KnownDevice device, DeviceAccess access,
                                     HostLayout layout, boolean granted) {
        LxcConfig config = LxcConfig.parse(text.startsWith("lxc.") ? COMMON + text : text);
        if (granted) {
            assertThatCode(() -> assertThat(config).onHost(layout).allowsDevice(device, access))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(config).onHost(layout).deniesDevice(device, access))
                    .isInstanceOf(AssertionError.class);
        } else {
            assertThatCode(() -> assertThat(config).onHost(layout).deniesDevice(device, access))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(config).onHost(layout).allowsDevice(device, access))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void numbersAndKnownDevicesAskTheSame() {
        LxcConfig config = named("ct.conf", COMMON + "lxc.cgroup2.devices.allow = c 10:232 rw\n");
        assertThat(config)
                .allowsDevice(DeviceType.CHAR, 10, 232)
                .allowsDevice(DeviceType.CHAR, 10, 232, new DeviceAccess(false, true, false))
                .allowsDevice(KnownDevice.KVM)
                .deniesDevice(DeviceType.CHAR, 10, 232, RWM)
                .deniesDevice(DeviceType.CHAR, 10, 200)
                .deniesDevice(KnownDevice.TUN);
    }

    @Test
    void theClassroomConfigIsRefusedKvmOnACgroup2HostBecauseOfItsV1Key() {
        assertThatThrownBy(() -> assertThat(classroom()).as("lab container").allowsDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        [lab container] Expecting config "classroom-102.conf" to allow character device 10:232 \
                        (/dev/kvm) with access rw on a pure cgroup2 host,
                        but it is refused: the device program is an allowlist and no rule allows it; the deciding lines are:
                          line 13: lxc.cgroup.devices.allow: c 10:232 rwm   <- ignored: a cgroup v1 key on a pure cgroup2 host
                          /usr/share/lxc/config/common.conf line 50: lxc.cgroup2.devices.deny = a   <- makes the program \
                        an allowlist: every device no later rule allows is refused
                          /usr/share/lxc/config/common.conf line 52: lxc.cgroup2.devices.allow = c *:* m   <- matches \
                        the device but only for access 'm'""");
        assertThat(classroom()).onHost(HostLayout.HYBRID).allowsDevice(KnownDevice.KVM);
    }

    @Test
    void allowFailureMarksPartialGrantsAndSkippedDenies() {
        LxcConfig config = named("web/config", """
                lxc.cgroup.devices.allow = c 10:200 rwm
                lxc.cgroup2.devices.allow = c 10:232 r
                lxc.cgroup2.devices.deny = c 10:232 w
                """);
        assertThatThrownBy(() -> assertThat(config).allowsDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to allow character device 10:232 (/dev/kvm) with access rw on a \
                        pure cgroup2 host,
                        but it is refused: the device program is an allowlist (liblxc's default) and no rule allows it; \
                        the deciding lines are:
                          line 2: lxc.cgroup2.devices.allow = c 10:232 r   <- matches the device but only for access 'r'
                          line 3: lxc.cgroup2.devices.deny = c 10:232 w   <- skipped: in an allowlist liblxc skips deny \
                        rules for particular devices""");
    }

    @Test
    void aConfigWithoutDeviceRulesGetsNoDeviceProgram() {
        // standing alone (no common.conf), liblxc attaches no device program: every device is allowed
        assertThatThrownBy(() -> assertThat(named("web/config", "lxc.arch = amd64\n")).deniesDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to deny character device 10:232 (/dev/kvm) with access rw on a \
                        pure cgroup2 host,
                        but it is granted: liblxc attaches no device program (there are no lxc.cgroup2.devices rules), \
                        so the device cgroup does not restrict the container""");
    }

    @Test
    void allowFailureOfAProxmoxDeviceMarksDenyWrite() {
        LxcConfig config = named("105.conf", "arch: amd64\ndev0: /dev/kvm,deny-write=1\ndev1: /dev/net/tun\n");
        assertThatThrownBy(() -> assertThat(config).allowsDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("""
                          line 2: dev0: /dev/kvm,deny-write=1   <- dev0: /dev/kvm (Proxmox writes this rule at start); \
                        matches the device but only for access 'r'""");
        assertThat(config).allowsDevice(KnownDevice.KVM, R).allowsDevice(KnownDevice.TUN);
    }

    @Test
    void denyFailureMarksTheGrantingLines() {
        assertThatThrownBy(() -> assertThat(classroom()).onHost(HostLayout.HYBRID).deniesDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to deny character device 10:232 (/dev/kvm) with access rw \
                        on a hybrid host with a cgroup v1 devices controller,
                        but it is granted: an exception allows it; the deciding lines are:
                          /usr/share/lxc/config/common.conf line 21: lxc.cgroup.devices.deny = a   <- denies every device \
                        that no later rule allows
                          /usr/share/lxc/config/common.conf line 23: lxc.cgroup.devices.allow = c *:* m   <- matches the \
                        device, but the exception it builds holds only 'm'
                          /usr/share/lxc/config/ubuntu.common.conf line 32: lxc.cgroup.devices.allow = c 10:232 rwm   \
                        <- adds the exception that allows it ('rwm')
                          line 13: lxc.cgroup.devices.allow: c 10:232 rwm   <- adds the exception that allows it ('rwm')""");
    }

    @Test
    void withFailMessageReplacesTheMessage() {
        assertThatThrownBy(() -> assertThat(classroom()).withFailMessage("no %s", "kvm").allowsDevice(KnownDevice.KVM))
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
