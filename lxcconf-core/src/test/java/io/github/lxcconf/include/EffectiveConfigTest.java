package io.github.lxcconf.include;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EffectiveConfigTest {

    /** Applies the lines ('|' separates them) and lists what is in effect as key=value;... with line numbers. */
    private static String effective(String lines) {
        LxcConfig config = LxcConfig.parse(lines.replace('|', '\n') + "\n");
        return config.effective(Path.of(".")).entries().stream()
                .map(e -> e.key() + '=' + e.value() + '@' + e.provenance().line())
                .collect(Collectors.joining(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', textBlock = """
            single: last wins                 ! lxc.uts.name = a|lxc.uts.name = b                            ! lxc.uts.name=b@2
            single: empty unsets              ! lxc.uts.name = a|lxc.uts.name =                              ! ''
            list: appends                     ! lxc.mount.entry = a|lxc.mount.entry = b                      ! lxc.mount.entry=a@1;lxc.mount.entry=b@2
            list: empty clears                ! lxc.mount.entry = a|lxc.mount.entry =|lxc.mount.entry = c    ! lxc.mount.entry=c@3
            cap.drop empty clears cap.keep    ! lxc.cap.keep = sys_admin|lxc.cap.drop =                      ! ''
            devices.allow empty keeps deny    ! lxc.cgroup2.devices.deny = a|lxc.cgroup2.devices.allow = c 1:3 rwm|lxc.cgroup2.memory.max = 1G|lxc.cgroup2.devices.allow = ! lxc.cgroup2.devices.deny=a@1;lxc.cgroup2.memory.max=1G@3
            bare cgroup2 clears the family    ! lxc.cgroup2.devices.deny = a|lxc.cgroup2 =|lxc.apparmor.raw = x ! lxc.apparmor.raw=x@3
            cgroup2 repeats append            ! lxc.cgroup2.memory.max = 1G|lxc.cgroup2.memory.max = 2G      ! lxc.cgroup2.memory.max=1G@1;lxc.cgroup2.memory.max=2G@2
            sysctl replaces in place          ! lxc.sysctl.a = 1|lxc.sysctl.b = 2|lxc.sysctl.a = 3           ! lxc.sysctl.a=3@3;lxc.sysctl.b=2@2
            prlimit bare empty clears all     ! lxc.prlimit.nofile = 10|lxc.prlimit =                        ! ''
            net type resets the interface     ! lxc.net.0.type = veth|lxc.net.0.link = br0|lxc.net.1.type = veth|lxc.net.00.type = macvlan ! lxc.net.1.type=veth@3;lxc.net.00.type=macvlan@4
            net address list clears           ! lxc.net.0.type = veth|lxc.net.0.ipv4.address = 10.0.0.1/24|lxc.net.0.ipv4.address = | lxc.net.0.ipv4.address = 10.0.0.2/24 ! lxc.net.0.type=veth@1;lxc.net.0.ipv4.address=10.0.0.2/24@4
            lxc.net empty removes interfaces  ! lxc.net.0.type = veth|lxc.net =|lxc.uts.name = x              ! lxc.uts.name=x@3
            lxc.hook empty removes hooks      ! lxc.hook.pre-start = /a|lxc.hook =                           ! ''
            non-lxc lines do not count        ! # lxc.uts.name = a|uts.name = b                              ! ''
            quotes are removed                ! lxc.uts.name = "web 1"                                       ! lxc.uts.name=web 1@1
            autodev: empty sets 0, not unset  ! lxc.autodev = 1|lxc.autodev =                                ! lxc.autodev=0@2
            autodev: empty quotes set 0       ! lxc.autodev = ""                                             ! lxc.autodev=0@1
            pdeath signal: empty sets 0       ! lxc.monitor.signal.pdeath = SIGTERM|lxc.monitor.signal.pdeath = ! lxc.monitor.signal.pdeath=0@2
            rootfs.managed: empty is 1        ! lxc.rootfs.managed = 0|lxc.rootfs.managed =                  ! lxc.rootfs.managed=1@2
            keyring.session: empty is 0       ! lxc.keyring.session = 1|lxc.keyring.session =                ! lxc.keyring.session=0@2
            tty.max: empty is 0               ! lxc.tty.max = 4|lxc.tty.max =                                ! lxc.tty.max=0@2
            pty.max: empty is 0               ! lxc.pty.max = 1024|lxc.pty.max =                             ! lxc.pty.max=0@2
            init.uid: empty resets to 0       ! lxc.init.uid = 1000|lxc.init.uid =                           ! lxc.init.uid=0@2
            init.gid: empty resets to 0       ! lxc.init.gid = 1000|lxc.init.gid =                           ! lxc.init.gid=0@2
            tmpfs.size: empty is 500000       ! lxc.autodev.tmpfs.size = 1000|lxc.autodev.tmpfs.size =       ! lxc.autodev.tmpfs.size=500000@2
            tmpfs.size: unreadable is 500000  ! lxc.autodev.tmpfs.size = 10M                                 ! lxc.autodev.tmpfs.size=500000@1
            tmpfs.size: hex is read           ! lxc.autodev.tmpfs.size = 0x1000                              ! lxc.autodev.tmpfs.size=0x1000@1
            apparmor.profile: empty unsets    ! lxc.apparmor.profile = unconfined|lxc.apparmor.profile = ""  ! ''
            signal.halt: empty unsets         ! lxc.signal.halt = SIGTERM|lxc.signal.halt =                  ! ''
            rootfs.mount: empty unsets        ! lxc.rootfs.mount = /mnt|lxc.rootfs.mount =                  ! ''
            arch: empty is refused, stops     ! lxc.arch = amd64|lxc.arch =|lxc.uts.name = x                 ! lxc.arch=amd64@1
            fstab: empty clears, then stops   ! lxc.mount.fstab = /f|lxc.mount.fstab =|lxc.uts.name = x      ! ''
            """)
    void appliesLinesAsLiblxcDoes(String name, String lines, String expected) {
        assertThat(effective(lines.strip())).isEqualTo(expected.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', textBlock = """
            arch    ! lxc.arch = amd64|lxc.arch =|lxc.uts.name = x           ! 2 ! lxc.arch has an empty value, which liblxc refuses
            fstab   ! lxc.mount.fstab = /f|lxc.mount.fstab =|lxc.tty.max = 1 ! 2 ! lxc.mount.fstab has an empty value: liblxc clears it, then refuses the line
            """)
    void emptyValueLiblxcRefusesStopsLoading(String name, String lines, int line, String message) {
        EffectiveConfig eff = LxcConfig.reader().sourceName("config").parse(lines.strip().replace('|', '\n') + "\n")
                .effective(Path.of("."));
        Diagnostic stop = eff.stoppedBy().orElseThrow();
        assertThat(stop.code()).isEqualTo(DiagnosticCode.VAL_INVALID_VALUE);
        assertThat(stop.source()).isEqualTo("config");
        assertThat(stop.line()).isEqualTo(line);
        assertThat(stop.message()).isEqualTo(message.strip());
        assertThat(eff.diagnostics()).containsExactly(stop);
        assertThat(eff.values("lxc.uts.name")).isEmpty();
        assertThat(eff.values("lxc.tty.max")).isEmpty();
        assertThat(eff.toString()).endsWith(", loading stops at config line " + line + "]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            unknown key; lxc.uts.name = a|lxc.utsnme = b|lxc.tty.max = 2; VAL001; lxc.utsnme
            legacy key;  lxc.uts.name = a|lxc.utsname = b|lxc.tty.max = 2; VAL002; lxc.utsname
            legacy network key; lxc.uts.name = a|lxc.network.type = veth|lxc.tty.max = 2; VAL002; lxc.network.type
            """)
    void keyLiblxcRefusesStopsLoading(String name, String lines, String code, String key) {
        EffectiveConfig eff = LxcConfig.reader().sourceName("config").parse(lines.strip().replace('|', '\n') + "\n")
                .effective(Path.of("."));
        Diagnostic stop = eff.stoppedBy().orElseThrow();
        assertThat(stop.code().id()).isEqualTo(code);
        assertThat(stop.line()).isEqualTo(2);
        assertThat(stop.message())
                .isEqualTo("Unsupported config key \"" + key + "\": liblxc stops loading the config at this line");
        assertThat(eff.values("lxc.uts.name")).extracting(EffectiveValue::value).containsExactly("a");
        assertThat(eff.values("lxc.tty.max")).isEmpty();
    }

    @Test
    void bareNetworkKeyDoesNotStopLoading() {
        EffectiveConfig eff = LxcConfig.parse("lxc.net.0.type = veth\nlxc.net.0 =\nlxc.tty.max = 2\n")
                .effective(Path.of("."));
        assertThat(eff.stoppedBy()).isEmpty();
        assertThat(eff.values("lxc.tty.max")).hasSize(1);
    }

    @Test
    void loadingThatDoesNotStopSaysSo() {
        EffectiveConfig eff = LxcConfig.parse("lxc.arch = amd64\nlxc.autodev =\n").effective(Path.of("."));
        assertThat(eff.stoppedBy()).isEmpty();
        assertThat(eff.toString()).isEqualTo("EffectiveConfig[1 files, 2 values]");
    }
}
