package io.github.lxcconf.assertj;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.Capability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.lxcconf.assertj.Configs.classroom;
import static io.github.lxcconf.assertj.Configs.named;
import static io.github.lxcconf.assertj.LxcConfigAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationAndSecurityAssertionsTest {

    @Test
    void hasNoErrorsAndNoWarnings() {
        assertThat(named("web/config", "lxc.uts.name = web\nlxc.arch = amd64\n")).hasNoErrors().hasNoWarnings();
        assertThat(classroom()).hasNoErrors();
    }

    @Test
    void hasNoErrorsFailureListsEachDiagnosticWithItsLine() {
        LxcConfig config = named("web/config", "lxc.utsname = ct1\nlxc.arch amd64\n");
        assertThatThrownBy(() -> assertThat(config).hasNoErrors())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to have no errors,
                        but validation found 2 errors:
                          web/config:1:1: error: Unsupported config key "lxc.utsname": the name was retired in LXC \
                        2.1 and liblxc 3.0 and later refuse it [VAL002]
                            line 1: lxc.utsname = ct1
                          web/config:2:15: error: liblxc refuses a line that starts with 'lxc.' but has no '=' [LXC001]
                            line 2: lxc.arch amd64""");
    }

    @Test
    void hasNoWarningsFailureOnTheClassroomConfig() {
        assertThatThrownBy(() -> assertThat(classroom()).describedAs("copied lines").hasNoWarnings())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        [copied lines] Expecting config "classroom-102.conf" to have no warnings,
                        but validation found 4 warnings:
                          classroom-102.conf:13:1: warning: Proxmox warns: "lxc.cgroup.devices.allow is deprecated, \
                        this will be a hard error in the future!" [VAL010]
                            line 13: lxc.cgroup.devices.allow: c 10:232 rwm
                          classroom-102.conf:13:1: warning: 'lxc.cgroup.devices.allow' is a cgroup v1 key; on a \
                        cgroup2 host liblxc ignores it, so this line has no effect [VAL004]
                            line 13: lxc.cgroup.devices.allow: c 10:232 rwm
                          classroom-102.conf:16:1: warning: Proxmox warns: "lxc.cgroup.devices.allow is deprecated, \
                        this will be a hard error in the future!" [VAL010]
                            line 16: lxc.cgroup.devices.allow: c 10:200 rwm
                          classroom-102.conf:16:1: warning: 'lxc.cgroup.devices.allow' is a cgroup v1 key; on a \
                        cgroup2 host liblxc ignores it, so this line has no effect [VAL004]
                            line 16: lxc.cgroup.devices.allow: c 10:200 rwm""");
    }

    @Test
    void hasNoWarningsIgnoresErrorsAndHasNoErrorsIgnoresWarnings() {
        LxcConfig onlyError = named("web/config", "lxc.arch amd64\n");
        assertThat(onlyError).hasNoWarnings();
        assertThatThrownBy(() -> assertThat(onlyError).hasNoErrors()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(classroom()).hasNoWarnings()).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "native without maps | lxc.arch = amd64\\n | false",
            "native with u and g maps | lxc.idmap = u 0 100000 65536\\nlxc.idmap = g 0 100000 65536\\n | true",
            "native with only a u map | lxc.idmap = u 0 100000 65536\\n | false",
            "native maps cleared | lxc.idmap = u 0 100000 65536\\nlxc.idmap = g 0 100000 65536\\nlxc.idmap =\\n | false",
            "Proxmox default | arch: amd64\\n | false",
            "Proxmox unprivileged: 1 | arch: amd64\\nunprivileged: 1\\n | true",
            "Proxmox unprivileged: 0 | arch: amd64\\nunprivileged: 0\\n | false",
            "Proxmox with raw maps | arch: amd64\\nlxc.idmap: u 0 100000 65536\\nlxc.idmap: g 0 100000 65536\\n | true"})
    void privileges(String name, String text, boolean unprivileged) {
        LxcConfig config = LxcConfig.parse(text.replace("\\n", "\n"));
        if (unprivileged) {
            assertThatCode(() -> assertThat(config).isUnprivileged()).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(config).isPrivileged()).isInstanceOf(AssertionError.class);
        } else {
            assertThatCode(() -> assertThat(config).isPrivileged()).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(config).isUnprivileged()).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void isUnprivilegedFailureSaysWhy() {
        assertThatThrownBy(() -> assertThat(classroom()).isUnprivileged())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to be unprivileged,
                        but it is privileged: it has no unprivileged option (Proxmox's default is 0) and no \
                        lxc.idmap lines""");
        assertThatThrownBy(() -> assertThat(named("105.conf", "arch: amd64\nunprivileged: 0\n")).isUnprivileged())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "105.conf" to be unprivileged,
                        but it is privileged:
                          line 2: unprivileged: 0""");
        assertThatThrownBy(() -> assertThat(named("web/config", "lxc.arch = amd64\n")).isUnprivileged())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to be unprivileged,
                        but it is privileged: it has no lxc.idmap lines (a container runs unprivileged when it maps \
                        both user and group ids)""");
        assertThatThrownBy(() -> assertThat(named("web/config", "lxc.idmap = g 0 100000 65536\n")).isUnprivileged())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to be unprivileged,
                        but it is privileged: it maps only group ids:
                          line 1: lxc.idmap = g 0 100000 65536""");
    }

    @Test
    void isPrivilegedFailureQuotesWhatMakesItUnprivileged() {
        assertThatThrownBy(() -> assertThat(named("105.conf", "arch: amd64\nunprivileged: 1\n")).isPrivileged())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "105.conf" to be privileged,
                        but it is unprivileged:
                          line 2: unprivileged: 1""");
        LxcConfig maps = named("web/config", "lxc.idmap = u 0 100000 65536\nlxc.idmap = g 0 100000 65536\n");
        assertThatThrownBy(() -> assertThat(maps).isPrivileged())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to be privileged,
                        but it is unprivileged:
                          line 1: lxc.idmap = u 0 100000 65536
                          line 2: lxc.idmap = g 0 100000 65536""");
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "lxc.cap.drop = sys_time sys_module | sys_module | true",
            "lxc.cap.drop = sys_time sys_module | SYS_MODULE | true",
            "lxc.cap.drop = sys_time sys_module | CAP_SYS_MODULE | true",
            "lxc.cap.drop = sys_time sys_module | sys_admin | false",
            "lxc.cap.drop = sys_time\\nlxc.cap.drop = | sys_time | false",
            "lxc.cap.keep = net_admin | sys_admin | true",
            "lxc.cap.keep = net_admin | net_admin | false",
            "lxc.cap.keep = none | chown | true",
            "lxc.arch = amd64 | sys_admin | false",
            "lxc.cap.drop = 21 | sys_admin | true"})
    void capabilities(String text, String capability, boolean dropped) {
        LxcConfig config = LxcConfig.parse(text.replace("\\n", "\n") + "\n");
        if (dropped) {
            assertThatCode(() -> assertThat(config).dropsCapability(capability)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> assertThat(config).dropsCapability(capability))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void dropsCapabilityFailureQuotesTheCapabilityLines() {
        LxcConfig keep = named("web/config", "lxc.cap.keep = sys_admin net_admin\n");
        assertThatThrownBy(() -> assertThat(keep).dropsCapability(Capability.SYS_ADMIN))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to drop capability sys_admin,
                        but it is not dropped; the capability lines are:
                          line 1: lxc.cap.keep = sys_admin net_admin   <- keeps it""");
        LxcConfig drop = named("105.conf", "arch: amd64\nlxc.cap.drop: sys_time\nlxc.cap.drop: sys_module\n");
        assertThatThrownBy(() -> assertThat(drop).dropsCapability("sys_rawio"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "105.conf" to drop capability sys_rawio,
                        but it is not dropped; the capability lines are:
                          line 2: lxc.cap.drop: sys_time
                          line 3: lxc.cap.drop: sys_module""");
        assertThatThrownBy(() -> assertThat(classroom()).dropsCapability(Capability.SYS_ADMIN))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to drop capability sys_admin,
                        but the config has no lxc.cap.drop or lxc.cap.keep lines""");
    }

    @Test
    void anUnknownCapabilityIsAnArgumentError() {
        assertThatThrownBy(() -> assertThat(classroom()).dropsCapability("sys_magic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'sys_magic' is not a Linux capability; LXC writes them like sys_admin");
    }
}
