package io.github.lxcconf.device;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.KnownDevice;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each case here was run in a real container with liblxc 5.0.2 (lxcconf-it checks them all again, and many
 * generated sequences, on every run as root); the comments say what the kernel did.
 */
class DevicePolicyTest {

    private static final String COMMON = "lxc.include = /usr/share/lxc/config/common.conf\n";
    private static final DeviceAccess R = access("r");
    private static final DeviceAccess W = access("w");
    private static final DeviceAccess RW = access("rw");

    private static DeviceAccess access(String letters) {
        return DeviceAccess.parse(letters).orElseThrow();
    }

    private static DevicePolicy policy(String rules) {
        return DevicePolicy.of(LxcConfig.parse(COMMON + rules));
    }

    private static boolean kvm(DevicePolicy p, HostLayout layout, DeviceAccess access) {
        return p.decide(layout, KnownDevice.KVM, access).granted();
    }

    @Test
    void classroomConfigIsRefusedKvmOnCgroup2AndNamesTheV1Line() throws IOException {
        Path file = Path.of("../lxcconf-examples/src/main/resources/classroom-102.conf");
        DevicePolicy p = DevicePolicy.of(LxcConfig.parse(file));
        DeviceVerdict v = p.decide(HostLayout.CGROUP2, KnownDevice.KVM, RW);
        assertThat(v.granted()).isFalse();
        assertThat(v.reason()).isEqualTo("the device program is an allowlist and no rule allows it");
        assertThat(v.lines().get(0).toString()).endsWith("classroom-102.conf:13: lxc.cgroup.devices.allow ="
                + " c 10:232 rwm <- ignored: a cgroup v1 key on a pure cgroup2 host");
        assertThat(v.describe()).startsWith("character device 10:232 (/dev/kvm), access rw, on a pure cgroup2 host:"
                + " refused: the device program is an allowlist and no rule allows it\n  ");
        assertThat(v.lines()).extracting(DecidingLine::toString).contains("/usr/share/lxc/config/common.conf:50:"
                + " lxc.cgroup2.devices.deny = a <- makes the program an allowlist: every device no later rule allows"
                + " is refused");
        assertThat(p.decide(HostLayout.HYBRID, KnownDevice.KVM, RW).granted()).isTrue();
        assertThat(p.decide(HostLayout.CGROUP2, KnownDevice.NULL, RW).granted()).isTrue();
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void eachLayoutIgnoresTheOtherFamily() {
        DevicePolicy v2 = policy("lxc.cgroup2.devices.allow = c 10:232 rwm\n");
        assertThat(kvm(v2, HostLayout.CGROUP2, RW)).isTrue();
        DeviceVerdict hybrid = v2.decide(HostLayout.HYBRID, KnownDevice.KVM, RW);
        assertThat(hybrid.granted()).isFalse();
        assertThat(hybrid.lines()).first().hasToString("<string>:2: lxc.cgroup2.devices.allow = c 10:232 rwm"
                + " <- ignored: liblxc applies no lxc.cgroup2 line on a hybrid host with a cgroup v1 devices controller");
        assertThat(kvm(v2, HostLayout.CGROUP1, RW)).isFalse();
    }

    @Test
    void theIgnoredLinesAreThoseOfTheOtherFamilyThatTouchTheDevice() {
        DevicePolicy p = policy("""
                lxc.cgroup.devices.allow = c 10:232 rwm
                lxc.cgroup.devices.allow = c 10:200 rwm
                lxc.cgroup.devices.allow = c 10:* rwm
                lxc.cgroup.devices.allow = b 10:232 rwm
                lxc.cgroup.devices.allow = c *:* m
                lxc.cgroup.devices.allow = a
                lxc.cgroup.devices.deny = c 11:232 rwm
                lxc.cgroup.devices.allow = c 10:232 r
                lxc.cgroup2.devices.allow = c 10:232 rwm
                """);
        java.util.function.Function<DeviceVerdict, java.util.List<Integer>> ignored = v -> v.lines().stream()
                .filter(l -> l.note().startsWith("ignored: ")).map(DecidingLine::line).toList();
        // the same device, every minor of its major, every major, and the same device again; in line order
        assertThat(ignored.apply(p.decide(HostLayout.CGROUP2, KnownDevice.KVM, RW))).containsExactly(2, 4, 6, 9);
        // a device of another minor: the lines of every minor and every major only
        assertThat(ignored.apply(p.decide(HostLayout.CGROUP2, DeviceType.CHAR, 10, 200, RW)))
                .containsExactly(3, 4, 6);
        assertThat(ignored.apply(p.decide(HostLayout.CGROUP2, DeviceType.BLOCK, 10, 232, RW))).containsExactly(5);
        // every minor of a major asked about (a known kind: c 188:* is /dev/ttyUSB*): each line of the major
        DevicePolicy serial = policy("""
                lxc.cgroup.devices.allow = c 188:0 rwm
                lxc.cgroup.devices.allow = c 188:7 rwm
                lxc.cgroup.devices.allow = c 189:0 rwm
                """);
        assertThat(ignored.apply(serial.decide(HostLayout.CGROUP2, io.github.lxcconf.model.DeviceRule.parse(
                io.github.lxcconf.model.CgroupVersion.V2, true, "c 188:* rwm")).orElseThrow())).containsExactly(2, 3);
        // on a hybrid host the cgroup2 line is the one ignored
        assertThat(ignored.apply(p.decide(HostLayout.HYBRID, KnownDevice.KVM, RW))).containsExactly(10);
    }

    @Test
    void v1DenyRemovesOnlyTheExceptionWithTheSameNumbers() {
        // the kernel keeps c 10:* rw: deny c 10:232 rw names no exception of its own
        DevicePolicy p = policy("lxc.cgroup.devices.allow = c 10:* rw\nlxc.cgroup.devices.deny = c 10:232 rw\n");
        DeviceVerdict v = p.decide(HostLayout.HYBRID, KnownDevice.KVM, RW);
        assertThat(v.granted()).isTrue();
        assertThat(v.lines()).extracting(DecidingLine::note).contains("has no effect: the kernel removes only an"
                + " exception with exactly these numbers, and there is none");
    }

    @Test
    void v1DenyTakesLettersAwayFromTheSameException() {
        DevicePolicy p = policy("lxc.cgroup.devices.allow = c 10:232 rw\nlxc.cgroup.devices.deny = c 10:232 w\n");
        assertThat(kvm(p, HostLayout.HYBRID, R)).isTrue();
        assertThat(kvm(p, HostLayout.HYBRID, W)).isFalse();
    }

    @Test
    void v1LettersOfOneDeviceJoinButV2RulesStaySeparate() {
        // an open for reading and writing is one access: the kernel asks for r and w together
        DevicePolicy v1 = policy("lxc.cgroup.devices.allow = c 10:232 r\nlxc.cgroup.devices.allow = c 10:232 w\n");
        assertThat(kvm(v1, HostLayout.HYBRID, RW)).isTrue();
        DevicePolicy v2 = policy("lxc.cgroup2.devices.allow = c 10:232 r\nlxc.cgroup2.devices.allow = c 10:232 w\n");
        assertThat(kvm(v2, HostLayout.CGROUP2, R)).isTrue();
        assertThat(kvm(v2, HostLayout.CGROUP2, W)).isTrue();
        assertThat(kvm(v2, HostLayout.CGROUP2, RW)).isFalse();
    }

    @Test
    void v1AllowAllWithADenyRefusesAnyOverlap() {
        DevicePolicy p = policy("lxc.cgroup.devices.allow = a\nlxc.cgroup.devices.deny = c 10:232 w\n");
        assertThat(kvm(p, HostLayout.HYBRID, R)).isTrue();
        assertThat(kvm(p, HostLayout.HYBRID, W)).isFalse();
        assertThat(kvm(p, HostLayout.HYBRID, RW)).isFalse();
    }

    @Test
    void v2DenylistMatchesOnlyAnAccessWithinTheRule() {
        // the device program compares the access asked for with the rule's letters as a whole
        DevicePolicy p = policy("lxc.cgroup2.devices.allow = a\nlxc.cgroup2.devices.deny = c 10:232 w\n");
        assertThat(kvm(p, HostLayout.CGROUP2, R)).isTrue();
        assertThat(kvm(p, HostLayout.CGROUP2, W)).isFalse();
        assertThat(kvm(p, HostLayout.CGROUP2, RW)).isTrue();
    }

    @Test
    void v2AllowlistSkipsADenyForOneDevice() {
        DevicePolicy p = policy("lxc.cgroup2.devices.allow = c 10:* rw\nlxc.cgroup2.devices.deny = c 10:232 rw\n");
        DeviceVerdict v = p.decide(HostLayout.CGROUP2, KnownDevice.KVM, RW);
        assertThat(v.granted()).isTrue();
        assertThat(v.lines()).extracting(DecidingLine::toString).contains("<string>:3: lxc.cgroup2.devices.deny ="
                + " c 10:232 rw <- skipped: in an allowlist liblxc skips deny rules for particular devices");
    }

    @Test
    void v2IdenticalRuleFlipsTheEarlierOne() {
        assertThat(kvm(policy("lxc.cgroup2.devices.allow = c 10:232 rw\nlxc.cgroup2.devices.deny = c 10:232 rw\n"),
                HostLayout.CGROUP2, R)).isFalse();
        // the letters differ: not the same rule, and the deny is skipped
        assertThat(kvm(policy("lxc.cgroup2.devices.allow = c 10:232 rw\nlxc.cgroup2.devices.deny = c 10:232 w\n"),
                HostLayout.CGROUP2, W)).isTrue();
    }

    @Test
    void v2GlobalRuleEmptiesTheListAndAnEmptyListAttachesNoProgram() {
        DevicePolicy p = policy("lxc.cgroup2.devices.allow = c 10:232 rw\nlxc.cgroup2.devices.deny = a\n");
        DeviceVerdict v = p.decide(HostLayout.CGROUP2, KnownDevice.TUN, RW);
        assertThat(v.granted()).isTrue();
        assertThat(v.reason()).isEqualTo("liblxc attaches no device program (the global rule empties the list and"
                + " no rule follows it), so the device cgroup does not restrict the container");
        assertThat(kvm(policy("lxc.cgroup2.devices.deny = c 10:232 w\nlxc.cgroup2.devices.allow = a\n"),
                HostLayout.CGROUP2, W)).isTrue();
        assertThat(DevicePolicy.of(LxcConfig.parse("lxc.uts.name = bare\n"))
                .decide(HostLayout.CGROUP2, KnownDevice.KVM, DeviceAccess.RWM).granted()).isTrue();
    }

    @Test
    void aRuleThatChecksNothingStopsTheStart() {
        DeviceVerdict v = policy("lxc.cgroup2.devices.allow = a *:* rwm\n")
                .decide(HostLayout.CGROUP2, KnownDevice.NULL, R);
        assertThat(v.granted()).isFalse();
        assertThat(v.startFailure()).contains("the rule 'a *:* rwm' (<string>:2) makes the kernel refuse liblxc's"
                + " device program (Failed to load bpf program)");
    }

    @Test
    void emptyValueClearsOnlyItsKey() {
        // the empty value takes away common.conf's allow rules too: the list is empty and no program is attached
        DevicePolicy p = policy("lxc.cgroup2.devices.allow = c 10:232 rw\nlxc.cgroup2.devices.allow =\n");
        assertThat(p.decide(HostLayout.CGROUP2, KnownDevice.KVM, R).reason()).startsWith("liblxc attaches no device"
                + " program (the global rule empties the list and no rule follows it)");
        // the deny rule is left: the program is attached, and it allows nothing
        DevicePolicy denyLeft = policy("lxc.cgroup2.devices.deny = c 10:200 rw\nlxc.cgroup2.devices.allow =\n");
        assertThat(denyLeft.decide(HostLayout.CGROUP2, KnownDevice.NULL, R).granted()).isFalse();
        // the v1 rules stay
        assertThat(p.decide(HostLayout.HYBRID, KnownDevice.KVM, R).granted()).isFalse();
        assertThat(p.decide(HostLayout.HYBRID, KnownDevice.NULL, R).granted()).isTrue();
    }

    @Test
    void proxmoxDevOptionsAndUnprivilegedContainers() {
        String pve = "arch: amd64\nostype: debian\ndev0: /dev/net/tun\ndev1: /dev/kvm,deny-write=1\n";
        DevicePolicy p = DevicePolicy.of(LxcConfig.parse(pve));
        DeviceVerdict tun = p.decide(HostLayout.CGROUP2, KnownDevice.TUN, RW);
        assertThat(tun.granted()).isTrue();
        assertThat(tun.lines()).extracting(DecidingLine::toString).contains("<string>:3: lxc.cgroup2.devices.allow"
                + " = c 10:200 rw <- dev0: /dev/net/tun (Proxmox writes this rule at start); allows it");
        assertThat(p.decide(HostLayout.CGROUP2, KnownDevice.TUN, DeviceAccess.RWM).granted()).isFalse();
        assertThat(kvm(p, HostLayout.CGROUP2, R)).isTrue();
        assertThat(kvm(p, HostLayout.CGROUP2, W)).isFalse();
        assertThat(p.decide(HostLayout.CGROUP2, KnownDevice.FUSE, RW).granted()).isTrue();
        // userns.conf clears every device rule: only the devN rules are left
        DevicePolicy unprivileged = DevicePolicy.of(LxcConfig.parse(pve + "unprivileged: 1\n"));
        assertThat(unprivileged.decide(HostLayout.CGROUP2, KnownDevice.FUSE, RW).granted()).isFalse();
        assertThat(unprivileged.decide(HostLayout.CGROUP2, KnownDevice.TUN, RW).granted()).isTrue();
        assertThat(DevicePolicy.of(LxcConfig.parse("arch: amd64\nconsole: 0\n"))
                .decide(HostLayout.CGROUP2, KnownDevice.CONSOLE, R).granted()).isFalse();
    }

    @Test
    void aProxmoxConfigIsDecidedFromItsEffectiveStartConfig() throws Exception {
        String classroom = java.nio.file.Files.readString(java.nio.file.Path.of("..", "lxcconf-examples", "src",
                "main", "resources", "classroom-102.conf"));
        DevicePolicy p = DevicePolicy.of(LxcConfig.reader().dialect(io.github.lxcconf.Dialect.PROXMOX)
                .sourceName("102.conf").parse(classroom));
        // a template is decided as its clone; on a Proxmox VE 7+ node the v1 lines are ignored
        DeviceVerdict kvm = p.decide(HostLayout.CGROUP2, KnownDevice.KVM, RW);
        assertThat(kvm.granted()).isFalse();
        assertThat(kvm.startFailure()).isEmpty();
        assertThat(kvm.lines()).extracting(DecidingLine::toString).contains(
                "102.conf:13: lxc.cgroup.devices.allow = c 10:232 rwm <- ignored: a cgroup v1 key on a pure cgroup2"
                        + " host",
                "/usr/share/lxc/config/common.conf:50: lxc.cgroup2.devices.deny = a <- makes the program an allowlist:"
                        + " every device no later rule allows is refused");
        assertThat(p.decide(HostLayout.CGROUP2, KnownDevice.TUN, RW).granted()).isFalse();
        // on a hybrid node ubuntu.common.conf allows both already, and so do the config's lines
        DeviceVerdict hybrid = p.decide(HostLayout.HYBRID, KnownDevice.KVM, RW);
        assertThat(hybrid.granted()).isTrue();
        assertThat(hybrid.lines()).extracting(DecidingLine::source).contains("102.conf",
                "/usr/share/lxc/config/ubuntu.common.conf");
        assertThat(p.decide(HostLayout.HYBRID, KnownDevice.TUN, RW).granted()).isTrue();
        // ubuntu.common.conf's rule for /dev/kvm alone does it on a hybrid node
        DevicePolicy without = DevicePolicy.of(LxcConfig.parse("arch: amd64\nostype: ubuntu\nrootfs: local:1\n"));
        assertThat(without.decide(HostLayout.HYBRID, KnownDevice.KVM, RW).granted()).isTrue();
        assertThat(without.decide(HostLayout.CGROUP2, KnownDevice.KVM, RW).granted()).isFalse();
        // an ostype lxc-pve ships no file for gets LXC's common.conf alone
        DevicePolicy unmanaged = DevicePolicy.of(LxcConfig.parse("arch: amd64\nostype: unmanaged\nrootfs: local:1\n"));
        assertThat(unmanaged.decide(HostLayout.HYBRID, KnownDevice.KVM, RW).granted()).isFalse();
    }

    @Test
    void aProxmoxDevOnAPathTheNodeLacksGivesNoRule() {
        DevicePolicy p = DevicePolicy.of(LxcConfig.parse("arch: amd64\nostype: debian\nrootfs: local:1\n"
                + "dev0: /dev/nonexistent-thing\ndev1: /dev/kvm\n"));
        assertThat(p.decide(HostLayout.CGROUP2, KnownDevice.KVM, RW).granted()).isTrue();
        assertThat(p.lines()).extracting(DecidingLine::toString)
                .contains("<string>:5: lxc.cgroup2.devices.allow = c 10:232 rw <- dev1: /dev/kvm (Proxmox writes this"
                        + " rule at start); device line");
    }

    @Test
    void everyMinorOfAMajor() {
        DevicePolicy p = policy("lxc.cgroup2.devices.allow = c 188:0 rw\n");
        assertThat(p.decide(HostLayout.CGROUP2, KnownDevice.TTY_USB, RW).granted()).isFalse();
        assertThat(p.decide(HostLayout.CGROUP2, DeviceType.CHAR, 188, 0, RW).granted()).isTrue();
        assertThat(policy("lxc.cgroup2.devices.allow = c 188:* rw\n")
                .decide(HostLayout.CGROUP2, KnownDevice.TTY_USB, RW).granted()).isTrue();
    }

    @Test
    void refusesQuestionsWithoutAnAnswer() {
        DevicePolicy p = policy("");
        assertThatThrownBy(() -> p.decide(HostLayout.CGROUP2, DeviceType.ALL, 1, 3, R))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ask about a character (CHAR) or block (BLOCK) device, not ALL");
        assertThatThrownBy(() -> p.decide(HostLayout.CGROUP2, DeviceType.CHAR, 1, 3, DeviceAccess.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the access must name at least one of r, w and m");
        assertThatThrownBy(() -> p.decide(HostLayout.CGROUP2, DeviceType.CHAR, 1, -3, R))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("device numbers are not negative, got 1:-3");
    }

    @Test
    void anEmptyDeviceLineClearsWhatWasReadBeforeItAndTheContainerStillStarts() {
        LxcConfig config = LxcConfig.parseText("lxc.include = /usr/share/lxc/config/common.conf\n"
                + "lxc.cgroup2.devices.allow = c 10:200 rwm\nlxc.cgroup2.devices.allow =\n"
                + "lxc.cgroup2.devices.deny =\n");
        DevicePolicy p = DevicePolicy.of(config);
        assertThat(p.clearedBy("<string>", 3)).hasSize(13)
                .allSatisfy(l -> assertThat(l.key()).isEqualTo("lxc.cgroup2.devices.allow"))
                .anySatisfy(l -> assertThat(l.source()).isEqualTo("/usr/share/lxc/config/common.conf"))
                .anySatisfy(l -> assertThat(l.line()).isEqualTo(2));
        assertThat(p.clearedBy("<string>", 4)).extracting(DecidingLine::value).containsExactly("a");
        assertThat(p.clearedBy("<string>", 2)).isEmpty();
        // measured with liblxc 5.0.2 on a pure cgroup2 host: with both lists cleared, no device program is attached
        assertThat(p.decide(HostLayout.CGROUP2, DeviceType.BLOCK, 7, 0, DeviceAccess.parse("r").orElseThrow())
                .granted()).isTrue();
        assertThat(p.decide(HostLayout.CGROUP2, DeviceType.BLOCK, 7, 0, DeviceAccess.parse("r").orElseThrow())
                .startFailure()).isEmpty();
    }
}
