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
                        org.assertj.core.groups.Tuple.tuple("VAL012", 1, "the target '/mnt/srv' is absolute: when the"
                                + " container starts, LXC skips this entry unless the path lies inside the container's"
                                + " rootfs"),
                        org.assertj.core.groups.Tuple.tuple("VAL013", 2, "bind mount of the device node /dev/kvm"
                                + " without create=file: the container would fail to start if dev/kvm does not exist"
                                + " in it"));
        assertThat(config.validate().errors()).isEmpty();
    }
}
