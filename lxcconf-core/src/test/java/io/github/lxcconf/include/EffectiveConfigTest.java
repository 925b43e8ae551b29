package io.github.lxcconf.include;

import io.github.lxcconf.LxcConfig;
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
            """)
    void appliesLinesAsLiblxcDoes(String name, String lines, String expected) {
        assertThat(effective(lines.strip())).isEqualTo(expected.strip());
    }
}
