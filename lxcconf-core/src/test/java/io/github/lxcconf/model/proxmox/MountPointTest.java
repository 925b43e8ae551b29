package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.model.proxmox.MountPoint.VolumeType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MountPointTest {

    @Test
    @DisplayName("the classroom rootfs: local-lvm:base-102-disk-0 with size 16G")
    void classroom() {
        MountPoint root = MountPoint.parse("rootfs", "local-lvm:base-102-disk-0,size=16G");
        assertThat(root.isRootfs()).isTrue();
        assertThat(root.index()).isEmpty();
        assertThat(root.volume()).contains("local-lvm:base-102-disk-0");
        assertThat(root.volumeType()).contains(VolumeType.VOLUME);
        assertThat(root.storage()).contains("local-lvm");
        assertThat(root.size()).contains(new DiskSize(16L << 30));
        assertThat(root.path()).contains("/");
        assertThat(root.includedInBackup()).isTrue();
        assertThat(root.replicate()).isTrue();
        assertThat(root.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "local:vm-100-disk-1;mp=/data, VOLUME, local, /data",
            "/mnt/pve/data;mp=/shared, BIND, -, /shared",
            "/dev/sdb1;mp=/mnt/disk, DEVICE, -, /mnt/disk",
            "mp=/x;local:10, VOLUME, local, /x"})
    @DisplayName("the volume type is decided from the volume text (';' stands for ',' in this table)")
    void types(String text, VolumeType type, String storage, String path) {
        MountPoint mp = MountPoint.parse("mp0", text.replace(';', ','));
        assertThat(mp.volumeType()).contains(type);
        assertThat(mp.storage().orElse(null)).isEqualTo(storage);
        assertThat(mp.path()).contains(path);
        assertThat(mp.index()).contains(0);
    }

    @Test
    @DisplayName("flags: table defaults (replicate on, others off), acl unset means file-system default")
    void flags() {
        MountPoint plain = MountPoint.parse("mp1", "local:vm-1-disk-2,mp=/srv");
        assertThat(plain.replicate()).isTrue();
        assertThat(plain.backup()).isFalse();
        assertThat(plain.includedInBackup()).isFalse();
        assertThat(plain.readOnly()).isFalse();
        assertThat(plain.shared()).isFalse();
        assertThat(plain.quota()).isFalse();
        assertThat(plain.keepAttributes()).isFalse();
        assertThat(plain.acl()).isEmpty();
        assertThat(plain.mountOptions()).isEmpty();

        MountPoint set = MountPoint.parse("mp1", "local:vm-1-disk-2,mp=/srv,backup=1,replicate=no,ro=on,shared=1,"
                + "quota=1,keepattrs=1,acl=0,mountoptions=noatime;nodev,idmap=u:0:1000:1;g:0:1000:1,size=1.5G");
        assertThat(set.backup()).isTrue();
        assertThat(set.includedInBackup()).isTrue();
        assertThat(set.replicate()).isFalse();
        assertThat(set.readOnly()).isTrue();
        assertThat(set.shared()).isTrue();
        assertThat(set.quota()).isTrue();
        assertThat(set.keepAttributes()).isTrue();
        assertThat(set.acl()).contains(false);
        assertThat(set.mountOptions()).containsExactly("noatime", "nodev");
        assertThat(set.idmap()).contains("u:0:1000:1;g:0:1000:1");
        assertThat(set.size().orElseThrow().format()).isEqualTo("1536M");
        assertThat(set.diagnostics()).isEmpty();
        assertThat(MountPoint.parse("mp2", "/mnt/x,mp=/x,backup=1").includedInBackup()).isFalse();
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("rootfs", "local:1,mp=/x", List.of("<string>:1:9: warning: unable to parse value of"
                        + " 'rootfs' - format error: mp: property is not defined in schema and the schema does not"
                        + " allow additional properties [PVE104]")),
                Arguments.of("mp0", "local:1", List.of("<string>:1:1: warning: unable to parse value of 'mp0' -"
                        + " format error: mp: property is missing and it is not optional [PVE104]")),
                Arguments.of("mp0", "mp=/x", List.of("<string>:1:1: warning: unable to parse value of 'mp0' -"
                        + " format error: volume: property is missing and it is not optional [PVE104]")),
                Arguments.of("mp0", "/a/../b,mp=/x", List.of("<string>:1:1: warning: unable to parse value of 'mp0'"
                        + " - format error: volume: invalid format - /a/../b contains illegal character sequences"
                        + " [PVE104]")),
                Arguments.of("mp3", "local:1,mp=/x/.", List.of("<string>:1:12: warning: unable to parse value of"
                        + " 'mp3' - format error: mp: invalid format - /x/. contains illegal character sequences"
                        + " [PVE104]")),
                Arguments.of("rootfs", "local:1,size=8g", List.of("<string>:1:14: warning: unable to parse value of"
                        + " 'rootfs' - format error: size: invalid format - value does not look like a valid disk"
                        + " size: 8g [PVE104]")),
                Arguments.of("rootfs", "local:1,mountoptions=noatime;sync", List.of("<string>:1:22: warning:"
                        + " unable to parse value of 'rootfs' - format error: mountoptions: value does not match the"
                        + " regex pattern [PVE104]")),
                Arguments.of("rootfs", "local:1,ro=2", List.of("<string>:1:12: warning: unable to parse value of"
                        + " 'rootfs' - format error: ro: type check ('boolean') failed - got '2' [PVE104]")),
                Arguments.of("rootfs", "local:1,local:2", List.of("<string>:1:9: warning: unable to parse value of"
                        + " 'rootfs' - duplicate key in comma-separated list property: volume [PVE103]")),
                Arguments.of("mp0", "local-lvm:vm-100-disk-1,mp=/data,size=8589934592", List.of()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("problems")
    @DisplayName("schema checks with Proxmox's wording, at the field's column")
    void diagnostics(String key, String text, List<String> expected) {
        assertThat(MountPoint.parse(key, text).diagnostics()).map(Diagnostic::toString)
                .containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("with and without keep every other part; the default key stays bare")
    void edit() {
        MountPoint root = MountPoint.parse("rootfs", "local-lvm:base-102-disk-0,size=16G");
        assertThat(root.with("size", "32G").value().toValue()).isEqualTo("local-lvm:base-102-disk-0,size=32G");
        assertThat(root.with("volume", "local-lvm:vm-103-disk-0").value().toValue())
                .isEqualTo("local-lvm:vm-103-disk-0,size=16G");
        assertThat(root.without("size").value().toValue()).isEqualTo("local-lvm:base-102-disk-0");
        assertThat(root.with("size", "16G")).isSameAs(root);
    }

    @Test
    @DisplayName("only rootfs and mp0-mp255")
    void keys() {
        assertThatThrownBy(() -> MountPoint.parse("mp256", "x,mp=/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'mp256' is not a Proxmox property-string option");
        assertThatThrownBy(() -> MountPoint.parse("net0", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'net0' is not rootfs or a Proxmox mount point mp0-mp255");
        assertThatThrownBy(() -> new MountPoint("unused0", PropertyString.parse("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MountPoint.parse("mp255", "a:b,mp=/x").index()).contains(255);
    }
}
