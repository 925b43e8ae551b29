package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where liblxc 5.0's mount_file_entries puts an entry's target. */
class MountPlacementTest {
    private static final Optional<RootFs> ROOTFS = Optional.of(RootFs.parse("dir:/var/lib/lxc/web/rootfs/"));

    @Test
    @DisplayName("an absolute target that contains the rootfs path is mounted at what follows it, inside the container")
    void absoluteInsideRootfs() {
        MountPlacement p = MountPlacement.of(MountEntry.bind("/srv", "/var/lib/lxc/web/rootfs/mnt/a"), ROOTFS);
        assertThat(p.kind()).isEqualTo(MountPlacement.Kind.INSIDE_ROOTFS);
        assertThat(p.containerPath()).contains("/mnt/a");
        // strstr: the rootfs path may stand anywhere in the target, and what follows it need not start with /
        assertThat(MountPlacement.of(MountEntry.bind("/srv", "/x/var/lib/lxc/web/rootfsX/y"), ROOTFS).containerPath())
                .contains("/X/y");
    }

    @Test
    @DisplayName("an absolute target outside the rootfs is skipped; a relative one is under the rootfs")
    void ignoredAndRelative() {
        assertThat(MountPlacement.of(MountEntry.bind("/srv", "/mnt/a"), ROOTFS).kind())
                .isEqualTo(MountPlacement.Kind.IGNORED);
        assertThat(MountPlacement.of(MountEntry.bind("/srv", "mnt/a"), ROOTFS))
                .isEqualTo(new MountPlacement(MountPlacement.Kind.RELATIVE, Optional.of("/mnt/a")));
        assertThat(MountPlacement.of(MountEntry.bind("/srv", "/mnt/a"), Optional.empty()).kind())
                .isEqualTo(MountPlacement.Kind.NO_ROOTFS);
    }
}
