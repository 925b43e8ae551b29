package io.github.lxcconf.assertj;

import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.lxcconf.assertj.Configs.classroom;
import static io.github.lxcconf.assertj.Configs.named;
import static io.github.lxcconf.assertj.LxcConfigAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MountAndValueAssertionsTest {

    private static final LxcConfig NATIVE = named("web/config", """
            lxc.uts.name = web
            lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file
            lxc.mount.entry = /srv/share /mnt/share none rbind,create=dir 0 0
            lxc.mount.entry = tmpfs tmp tmpfs size=64m
            lxc.mount.entry = /srv/other mnt/data none bind,create=dir
            """);

    private static final LxcConfig PROXMOX = named("105.conf", """
            arch: amd64
            hostname: lab-05
            mp0: /srv/share,mp=/mnt/share
            mp1: local-lvm:vm-105-disk-1,mp=/data,size=8G
            """);

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "/dev/net/tun, dev/net/tun, true",
            "/dev/net/tun, /dev/net/tun, true",
            "/dev/net/tun, //dev/net/tun/, true",
            "/srv/share, mnt/share, true",
            "/srv/share/, /mnt/share, true",
            "tmpfs, tmp, false",
            "/srv/other, /mnt/other, false",
            "/dev/net/tun, dev/tun, false",
            "/srv, mnt/share, false"})
    void nativeBindMounts(String host, String container, boolean present) {
        if (present) {
            assertThatCode(() -> assertThat(NATIVE).hasBindMount(host, container)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> assertThat(NATIVE).hasBindMount(host, container))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "/srv/share, /mnt/share, true",
            "/srv/share, mnt/share, true",
            "local-lvm:vm-105-disk-1, /data, false",
            "/srv/share, /data, false"})
    void proxmoxMountPoints(String host, String container, boolean present) {
        if (present) {
            assertThatCode(() -> assertThat(PROXMOX).hasBindMount(host, container)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> assertThat(PROXMOX).hasBindMount(host, container))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void bindMountFailureQuotesTheMountsAndMarksTheNearOnes() {
        assertThatThrownBy(() -> assertThat(NATIVE).hasBindMount("/srv/data", "mnt/data"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to bind-mount "/srv/data" on "mnt/data",
                        but it does not; the mounts are:
                          line 2: lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file
                          line 3: lxc.mount.entry = /srv/share /mnt/share none rbind,create=dir 0 0
                          line 4: lxc.mount.entry = tmpfs tmp tmpfs size=64m
                          line 5: lxc.mount.entry = /srv/other mnt/data none bind,create=dir   <- mounts another \
                        source there""");
        assertThatThrownBy(() -> assertThat(NATIVE).hasBindMount("tmpfs", "/tmp"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("line 4: lxc.mount.entry = tmpfs tmp tmpfs size=64m   <- not a bind mount");
        assertThatThrownBy(() -> assertThat(classroom()).hasBindMount("/dev/net/tun", "/dev/tun"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to bind-mount "/dev/net/tun" on "/dev/tun",
                        but it does not; the mounts are:
                          line 17: lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file   <- mounts it \
                        elsewhere""");
    }

    @Test
    void bindMountFailureOnProxmoxQuotesTheMountPoints() {
        assertThatThrownBy(() -> assertThat(PROXMOX).as("lab").hasBindMount("/srv/data", "/data"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        [lab] Expecting config "105.conf" to bind-mount "/srv/data" on "/data",
                        but it does not; the mounts are:
                          line 3: mp0: /srv/share,mp=/mnt/share
                          line 4: mp1: local-lvm:vm-105-disk-1,mp=/data,size=8G   <- mounts a storage volume \
                        there, not a host path""");
        assertThatThrownBy(() -> assertThat(named("106.conf", "arch: amd64\n")).hasBindMount("/srv", "/srv"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "106.conf" to bind-mount "/srv" on "/srv",
                        but the config has no mount entries and no mount points""");
    }

    @Test
    void aMountPointProxmoxDoesNotKnowIsNotListed() {
        assertThatThrownBy(() -> assertThat(named("106.conf", "arch: amd64\nmp300: /srv,mp=/srv\n"))
                .hasBindMount("/srv", "/srv"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "106.conf" to bind-mount "/srv" on "/srv",
                        but the config has no mount entries and no mount points""");
    }

    @Test
    void hasValuePassesOnTheValueThatCountsOrAnyValueOfAListKey() {
        LxcConfig config = named("web/config", """
                lxc.uts.name = old
                lxc.uts.name = "web"
                lxc.cap.drop = sys_time
                lxc.cap.drop = sys_module
                """);
        assertThat(config).hasValue("lxc.uts.name", "web").hasValue("lxc.cap.drop", "sys_time")
                .hasValue("lxc.cap.drop", "sys_module");
        assertThat(classroom()).hasValue("hostname", "ubuntu-gns3vm2-clone").hasValue("memory", "4096")
                .hasValue("lxc.mount.entry", "/dev/net/tun dev/net/tun none bind,create=file");
        assertThatThrownBy(() -> assertThat(config).hasValue("lxc.uts.name", "old"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to set lxc.uts.name to "old",
                        but it is "web":
                          line 1: lxc.uts.name = old
                          line 2: lxc.uts.name = "web"   <- the last one counts""");
    }

    @Test
    void hasValueFailureQuotesTheKeysLines() {
        assertThatThrownBy(() -> assertThat(classroom()).hasValue("memory", "2048"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to set memory to "2048",
                        but it is "4096":
                          line 4: memory: 4096""");
        assertThatThrownBy(() -> assertThat(classroom()).hasValue("lxc.cgroup.devices.allow", "c 10:229 rwm"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to set lxc.cgroup.devices.allow to "c 10:229 rwm",
                        but its values are:
                          line 13: lxc.cgroup.devices.allow: c 10:232 rwm
                          line 16: lxc.cgroup.devices.allow: c 10:200 rwm""");
    }

    @Test
    void hasValueFailureOfAMissingKeyQuotesTheNearestKeys() {
        assertThatThrownBy(() -> assertThat(classroom()).hasValue("hostnme", "lab-07"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to set hostnme to "lab-07",
                        but the key is not set; the nearest keys are:
                          line 3: hostname: ubuntu-gns3vm2-clone""");
        LxcConfig config = named("web/config", "lxc.uts.name = web\nlxc.net.0.type = veth\nlxc.net.0.link = lxcbr0\n");
        assertThatThrownBy(() -> assertThat(config).hasValue("lxc.net.0.lnk", "lxcbr0"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to set lxc.net.0.lnk to "lxcbr0",
                        but the key is not set; the nearest keys are:
                          line 2: lxc.net.0.type = veth
                          line 3: lxc.net.0.link = lxcbr0""");
        assertThatThrownBy(() -> assertThat(classroom()).hasValue("onboot", "1"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to set onboot to "1",
                        but the key is not set, and no key is spelled like it""");
    }

    @Test
    void doesNotHaveKey() {
        assertThat(classroom()).doesNotHaveKey("lxc.cgroup2.devices.allow").doesNotHaveKey("unprivileged");
        assertThatThrownBy(() -> assertThat(classroom()).doesNotHaveKey("lxc.cgroup.devices.allow"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" not to set lxc.cgroup.devices.allow,
                        but it does:
                          line 13: lxc.cgroup.devices.allow: c 10:232 rwm
                          line 16: lxc.cgroup.devices.allow: c 10:200 rwm""");
    }

    @Test
    void keysOfSnapshotsDoNotCount() {
        LxcConfig config = named("105.conf", "arch: amd64\n\n[before]\narch: amd64\nmemory: 512\n");
        assertThat(config).doesNotHaveKey("memory");
        assertThatThrownBy(() -> assertThat(config).hasValue("memory", "512")).isInstanceOf(AssertionError.class);
    }
}
