package io.github.lxcconf.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("raw device passthrough in a Proxmox config: the devN option to use instead")
class DevOptionExplanationTest {

    private static final String DEV_OPTION = "On Proxmox VE 8.1 and later, one devN option can replace this raw rule";

    @Test
    @DisplayName("the classroom's /dev/net/tun rule and mount name dev0 on both lines, the KVM rule alone does not")
    void classroom() throws IOException {
        Explanation e = LxcConfig.parse(ExplanationTest.resource("/explain/classroom-102.conf")).explain();
        String expected = "On Proxmox VE 8.1 and later, one devN option can replace this raw rule and bind mount"
                + " (lines 16 and 17): 'dev0: /dev/net/tun'.";
        assertThat(e.line(16).orElseThrow().sentences()).contains(expected);
        assertThat(e.line(17).orElseThrow().sentences()).contains(expected);
        assertThat(e.line(16).orElseThrow().sentences())
                .anyMatch(s -> s.startsWith("Proxmox VE 8.1 and later pass a device node with a devN option"));
        // c 10:232 has no bind mount of /dev/kvm: there is nothing to replace
        assertThat(e.line(13).orElseThrow().explanation()).doesNotContain(DEV_OPTION);
    }

    @Test
    @DisplayName("a GPU render node: the devN line, and gid= for the render group")
    void gpu() {
        List<String> s = LxcConfig.parse("""
                arch: amd64
                lxc.cgroup2.devices.allow: c 226:128 rwm
                lxc.mount.entry: /dev/dri/renderD128 dev/dri/renderD128 none bind,optional,create=file
                """).explain().line(2).orElseThrow().sentences();
        assertThat(s).contains(
                "On Proxmox VE 8.1 and later, one devN option can replace this raw rule and bind mount"
                        + " (lines 2 and 3): 'dev0: /dev/dri/renderD128'.",
                "For a GPU, add gid= with the ID that the group using it (render or video) has inside the container:"
                        + " 'dev0: /dev/dri/renderD128,gid=104' where render is 104, as in Debian and Ubuntu templates"
                        + " (hosts often use 992 or 993).");
    }

    @Test
    @DisplayName("a read-only rule keeps deny-write=1 in the devN line; an existing dev0 makes it dev1")
    void readOnlyNextIndex() {
        Explanation e = LxcConfig.parse("""
                arch: amd64
                dev0: /dev/fuse
                lxc.cgroup2.devices.allow: c 10:232 r
                lxc.mount.entry: /dev/kvm dev/kvm none bind,create=file
                """).explain();
        assertThat(e.line(4).orElseThrow().sentences()).contains("On Proxmox VE 8.1 and later, one devN option can"
                + " replace this raw rule and bind mount (lines 3 and 4): 'dev1: /dev/kvm,deny-write=1'.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            native LXC config     | lxc.cgroup2.devices.allow = c 10:232 rwm\\nlxc.mount.entry = /dev/kvm dev/kvm none bind,create=file
            wildcard minor        | arch: amd64\\nlxc.cgroup2.devices.allow: c 226:* rwm\\nlxc.mount.entry: /dev/dri dev/dri none bind,optional,create=dir
            mount of another node | arch: amd64\\nlxc.cgroup2.devices.allow: c 10:232 rwm\\nlxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file
            in a snapshot         | arch: amd64\\n[snap]\\nlxc.cgroup2.devices.allow: c 10:232 rwm\\nlxc.mount.entry: /dev/kvm dev/kvm none bind,create=file
            """)
    void noDevOption(String what, String text) {
        Explanation e = LxcConfig.parse(text.replace("\\n", "\n") + "\n").explain();
        assertThat(e.lines()).as(what).allSatisfy(l -> assertThat(l.explanation()).doesNotContain(DEV_OPTION));
    }
}
