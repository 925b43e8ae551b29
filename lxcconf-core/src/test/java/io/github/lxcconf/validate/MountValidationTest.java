package io.github.lxcconf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.api.Test;

class MountValidationTest {
    @Test
    void absoluteTargetsAndDeviceBindsWithoutCreateAreWarned() {
        LxcConfig config = LxcConfig.parse("lxc.mount.entry = /srv /mnt/srv none bind,create=dir 0 0\n"
                + "lxc.mount.entry = /dev/kvm dev/kvm none bind 0 0\n"
                + "lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file\n");
        assertThat(config.validate().diagnostics()).extracting(d -> d.code().id(), Diagnostic::line, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VAL012", 1, "the target '/mnt/srv' is absolute and this"
                                + " config sets no lxc.rootfs.path: LXC mounts it at that path on the host for a"
                                + " container without a root filesystem, and skips it where the root filesystem is set"
                                + " elsewhere unless the target contains its path"),
                        org.assertj.core.groups.Tuple.tuple("VAL013", 2, "bind mount of the device node /dev/kvm"
                                + " without create=file: the container would fail to start if dev/kvm does not exist"
                                + " in it"));
        assertThat(config.validate().errors()).isEmpty();
    }

    @Test
    void anAbsoluteTargetFollowsTheRootfsPathAsLiblxcDoes() {
        LxcConfig config = LxcConfig.parseText("lxc.rootfs.path = dir:/var/lib/lxc/web/rootfs\n"
                + "lxc.mount.entry = /srv /var/lib/lxc/web/rootfs/mnt/srv none bind,create=dir 0 0\n"
                + "lxc.mount.entry = /srv /mnt/srv none bind,create=dir 0 0\n");
        // line 2 is mounted at /mnt/srv inside the container: no warning, and no advice that would move it
        assertThat(config.validate().diagnostics()).extracting(d -> d.code().id(), Diagnostic::line,
                d -> d.hint().orElse("")).containsExactly(org.assertj.core.groups.Tuple.tuple("VAL012", 3,
                "write it relative to the container's root: 'mnt/srv'"));
        assertThat(config.validate().diagnostics().get(0).message()).contains("Ignoring mount point")
                .contains("'/var/lib/lxc/web/rootfs'");
        assertThat(config.explain().line(2).orElseThrow().explanation())
                .contains("mounts it at /mnt/srv inside the container").doesNotContain("on the host");
    }
}
