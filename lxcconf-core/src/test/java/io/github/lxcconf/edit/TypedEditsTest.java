package io.github.lxcconf.edit;

import static io.github.lxcconf.edit.ConfigEditorTest.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.CreateMode;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.IdMap;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.MountEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Golden tests of the typed edits: devices, mounts, passthrough, capabilities, id maps, network, Proxmox options. */
class TypedEditsTest {

    @Nested
    @DisplayName("device rules")
    class Devices {
        @Test
        void allowWritesCgroup2ByDefault() {
            given("lxc.arch = amd64\n").when(e -> e.allowDevice(DeviceType.CHAR, 10, 232))
                    .renders("lxc.arch = amd64\nlxc.cgroup2.devices.allow = c 10:232 rwm\n");
        }

        @Test
        void cgroup1WhenAsked() {
            given("lxc.arch = amd64\n")
                    .when(e -> e.cgroupVersion(CgroupVersion.V1).allowDevice(DeviceType.BLOCK, 7, 0,
                            DeviceAccess.parse("rw").orElseThrow()))
                    .renders("lxc.arch = amd64\nlxc.cgroup.devices.allow = b 7:0 rw\n");
        }

        @Test
        void anEqualRuleIsNotAddedTwiceHoweverSpelled() {
            given("lxc.cgroup2.devices.allow = c 10:232 mwr\n").when(e -> e.allowDevice(KnownDevice.KVM)).isUnchanged();
        }

        @Test
        void denyAndRemove() {
            given("lxc.cgroup2.devices.allow = c 10:232 rwm\r\nlxc.cgroup2.devices.allow = c 10:200 rwm\r\n")
                    .when(e -> e.denyDevice(DeviceType.CHAR, 1, 1)
                            .removeDeviceRule(DeviceRule.allow(CgroupVersion.V2, DeviceType.CHAR, 10, 232,
                                    DeviceAccess.RWM)))
                    .renders("lxc.cgroup2.devices.allow = c 10:200 rwm\r\nlxc.cgroup2.devices.deny = c 1:1 rwm\r\n");
        }

        @Test
        void wrongKindOfRuleIsRefused() {
            ConfigEditor editor = LxcConfig.parse("").edit();
            assertThatThrownBy(() -> editor.allowDevice(DeviceRule.deny(CgroupVersion.V2, DeviceType.CHAR, 1, 1,
                    DeviceAccess.RWM))).hasMessage("'c 1:1 rwm' is a deny rule; use denyDevice");
        }
    }

    @Nested
    @DisplayName("mounts and passthrough")
    class Mounts {
        @Test
        void bindMountMakesTheTargetRelative() {
            given("lxc.arch = amd64").when(e -> e.bindMount("/srv/share", "/mnt/share"))
                    .renders("lxc.arch = amd64\nlxc.mount.entry = /srv/share mnt/share none bind,create=dir");
            given("lxc.arch = amd64\n").when(e -> e.bindMount("/dev/ttyUSB0", "dev/ttyUSB0", CreateMode.FILE,
                            "optional"))
                    .renders("lxc.arch = amd64\nlxc.mount.entry = /dev/ttyUSB0 dev/ttyUSB0 none bind,create=file,"
                            + "optional\n");
        }

        @Test
        void anEqualMountIsNotAddedTwice() {
            given("lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file\n")
                    .when(e -> e.bindMount("/dev/net/tun", "/dev/net/tun")).isUnchanged();
        }

        @Test
        void removeMounts() {
            given("lxc.mount.entry = /a mnt/a none bind 0 0\nlxc.mount.entry = /b mnt/b none bind\n")
                    .when(e -> e.removeMountsAt("/mnt/a")).renders("lxc.mount.entry = /b mnt/b none bind\n");
            given("lxc.mount.entry = /a mnt/a none bind\nlxc.arch = amd64\n")
                    .when(e -> e.removeMountEntry(MountEntry.bind("/a", "mnt/a"))).renders("lxc.arch = amd64\n");
        }

        @Test
        void badPathsAreRefused() {
            ConfigEditor editor = LxcConfig.parse("").edit();
            assertThatThrownBy(() -> editor.bindMount("/a b", "x")).hasMessage("host path is empty or holds blanks: '/a b'");
            assertThatThrownBy(() -> editor.bindMount("/a", "/")).hasMessage("container path '/' names the root itself");
            assertThatThrownBy(() -> editor.bindMount("/a", "b", CreateMode.DIR, "ro,bind"))
                    .hasMessage("mount option 'ro,bind' is empty or holds ',' or blanks");
        }

        @Test
        void passthroughOfTheClassroomDevices() {
            given("arch: amd64\nhostname: lab\n")
                    .when(e -> e.passthrough(KnownDevice.KVM).passthrough(KnownDevice.TUN))
                    .renders("arch: amd64\ndev0: /dev/kvm\ndev1: /dev/net/tun\nhostname: lab\n");
            given("arch: amd64\ndev0: /dev/kvm\nhostname: lab\n")
                    .when(e -> e.rawPassthrough().passthrough(KnownDevice.KVM).passthrough(KnownDevice.TUN))
                    .renders("arch: amd64\ndev0: /dev/kvm\nhostname: lab\n"
                            + "lxc.cgroup2.devices.allow: c 10:200 rwm\n"
                            + "lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file\n");
            given("arch: amd64\nhostname: lab\n")
                    .when(e -> e.rawPassthrough().passthrough(KnownDevice.KVM).passthrough(KnownDevice.TUN))
                    .renders("arch: amd64\nhostname: lab\nlxc.cgroup2.devices.allow: c 10:232 rwm\n"
                            + "lxc.cgroup2.devices.allow: c 10:200 rwm\n"
                            + "lxc.mount.entry: /dev/kvm dev/kvm none bind,create=file\n"
                            + "lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file\n");
        }

        @Test
        void passthroughOfNumberedDevicesAndGpus() {
            given("lxc.arch = amd64\n")
                    .when(e -> e.passthrough(KnownDevice.TTY_USB, "/dev/ttyUSB0").passthroughGpu())
                    .renders("lxc.arch = amd64\nlxc.cgroup2.devices.allow = c 188:0 rwm\n"
                            + "lxc.cgroup2.devices.allow = c 226:* rwm\n"
                            + "lxc.mount.entry = /dev/ttyUSB0 dev/ttyUSB0 none bind,create=file\n"
                            + "lxc.mount.entry = /dev/dri dev/dri none bind,create=dir,optional\n");
            // one node is one minor: ttyUSB3 is not every USB serial adapter
            given("lxc.arch = amd64\n")
                    .when(e -> e.passthrough(KnownDevice.LOOP, "/dev/loop3")
                            .passthrough(KnownDevice.USB_BUS, "/dev/bus/usb/002/005"))
                    .renders("lxc.arch = amd64\nlxc.cgroup2.devices.allow = b 7:3 rwm\n"
                            + "lxc.cgroup2.devices.allow = c 189:132 rwm\n"
                            + "lxc.mount.entry = /dev/loop3 dev/loop3 none bind,create=file\n"
                            + "lxc.mount.entry = /dev/bus/usb/002/005 dev/bus/usb/002/005 none bind,create=file\n");
            assertThatThrownBy(() -> LxcConfig.parse("").edit().passthrough(KnownDevice.TTY_USB)).hasMessage(
                    "TTY_USB has numbered instances (/dev/ttyUSB*); name one: passthrough(TTY_USB, \"/dev/ttyUSB0\")");
        }

        @Test
        void proxmoxDeviceOption() {
            given("arch: amd64\ndev0: /dev/kvm\nhostname: lab\n")
                    .when(e -> e.proxmoxDevice("/dev/dri/renderD128", "gid=104").proxmoxDevice("/dev/kvm"))
                    .renders("arch: amd64\ndev0: /dev/kvm\ndev1: /dev/dri/renderD128,gid=104\nhostname: lab\n");
        }

        @Test
        void mountPointTakesTheFirstFreeIndexAndIsNotAddedTwice() {
            given("arch: amd64\nhostname: lab\nmp0: local-lvm:vm-1-disk-1,mp=/data\n")
                    .when(e -> e.addMountPoint("/srv/shared", "/mnt/shared", "ro=1")
                            .addMountPoint("/srv/shared", "/mnt/shared", "ro=1")
                            .addMountPoint("/srv/other", "/mnt/other"))
                    .renders("arch: amd64\nhostname: lab\nmp0: local-lvm:vm-1-disk-1,mp=/data\n"
                            + "mp1: /srv/shared,mp=/mnt/shared,ro=1\nmp2: /srv/other,mp=/mnt/other\n");
        }

        @Test
        void mountPointRefusesWhatProxmoxWouldNotRead() {
            ConfigEditor editor = LxcConfig.parse("arch: amd64\n").edit();
            assertThatThrownBy(() -> editor.addMountPoint("/srv/a", "mnt/a"))
                    .hasMessage("Proxmox needs an absolute mount point path, got 'mnt/a'");
            assertThatThrownBy(() -> editor.addMountPoint("/srv/a,b", "/mnt/a"))
                    .hasMessage("a mount point path holds ',': '/srv/a,b', '/mnt/a'");
            assertThatThrownBy(() -> editor.addMountPoint("/srv/a", "/mnt/a", "ro"))
                    .hasMessage("mount point option 'ro' is not key=value");
            assertThatThrownBy(() -> editor.addMountPoint("/srv/a\nmemory: 1", "/mnt/a"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> LxcConfig.parse("lxc.arch = amd64\n").edit().addMountPoint("/a", "/b"))
                    .hasMessage("only Proxmox configs have mount points");
        }
    }

    @Nested
    @DisplayName("capabilities and id maps")
    class CapabilitiesAndIdMaps {
        @Test
        void dropAddsOnlyWhatIsNotDroppedYet() {
            given("lxc.cap.drop = sys_module mac_admin\n")
                    .when(e -> e.dropCapabilities(Capability.SYS_MODULE, Capability.SYS_TIME))
                    .renders("lxc.cap.drop = sys_module mac_admin\nlxc.cap.drop = sys_time\n");
            given("lxc.cap.drop = sys_module\n").when(e -> e.dropCapabilities(Capability.SYS_MODULE)).isUnchanged();
        }

        @Test
        void anEmptyValueClearsTheList() {
            given("lxc.cap.drop = sys_module\nlxc.cap.drop =\n")
                    .when(e -> e.dropCapabilities(Capability.SYS_MODULE))
                    .renders("lxc.cap.drop = sys_module\nlxc.cap.drop =\nlxc.cap.drop = sys_module\n");
        }

        @Test
        void keepAndDropAreNotMixed() {
            LxcConfig config = LxcConfig.parse("lxc.cap.keep = net_admin\n");
            assertThatThrownBy(() -> config.edit().dropCapabilities(Capability.SYS_TIME)).hasMessage(
                    "this config already uses lxc.cap.keep (line 'lxc.cap.keep = net_admin'); liblxc refuses a"
                            + " config that both keeps and drops capabilities");
        }

        @Test
        void idMaps() {
            given("lxc.arch = amd64\n")
                    .when(e -> e.addIdMap(IdMap.uid(0, 100000, 65536)).addIdMap(IdMap.gid(0, 100000, 65536))
                            .addIdMap(IdMap.uid(0, 100000, 65536)))
                    .renders("lxc.arch = amd64\nlxc.idmap = u 0 100000 65536\nlxc.idmap = g 0 100000 65536\n");
            LxcConfig unprivileged = LxcConfig.parse("lxc.idmap = u 0 100000 65536\nlxc.idmap = g 0 100000 65536\n");
            assertThat(unprivileged.lxc().isUnprivileged()).isTrue();
            given("lxc.idmap = u  0 100000 65536\nlxc.arch = amd64\n")
                    .when(e -> e.removeIdMap(IdMap.uid(0, 100000, 65536))).renders("lxc.arch = amd64\n");
        }
    }

    @Nested
    @DisplayName("network interfaces")
    class Network {
        @Test
        void nativeFieldsAreLines() {
            given("lxc.net.0.type = veth\nlxc.net.0.link = lxcbr0\nlxc.arch = amd64\n")
                    .when(e -> e.setNetwork(0, "ipv4.address", "10.0.3.50/24").setNetwork(0, "link", "br1"))
                    .renders("lxc.net.0.type = veth\nlxc.net.0.link = br1\nlxc.net.0.ipv4.address = 10.0.3.50/24\n"
                            + "lxc.arch = amd64\n");
            given("lxc.net.0.type = veth\nlxc.net.1.type = veth\nlxc.net.10.type = veth\n")
                    .when(e -> e.removeNetwork(1)).renders("lxc.net.0.type = veth\nlxc.net.10.type = veth\n");
        }

        @Test
        void proxmoxFieldsChangeInPlaceKeepingTheOthers() {
            given("net0: name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth\n")
                    .when(e -> e.setNetwork(0, "ip", "10.0.0.5/24").setNetwork(0, "gw", "10.0.0.1"))
                    .renders("net0: name=eth0,bridge=vmbr0,gw=10.0.0.1,hwaddr=86:4B:53:B7:66:0A,ip=10.0.0.5/24,"
                            + "type=veth\n");
            given("net0: name=eth0,bridge=vmbr0,firewall=1\n").when(e -> e.removeNetwork(0, "firewall"))
                    .renders("net0: name=eth0,bridge=vmbr0\n");
        }
    }

    @Nested
    @DisplayName("Proxmox options")
    class ProxmoxOptions {
        @Test
        void mountPointsAndFeaturesFieldByField() {
            given("arch: amd64\nrootfs: local-lvm:vm-102-disk-0,size=16G\n")
                    .when(e -> e.setMountPoint("rootfs", "size", "32G").setFeature("nesting", "1")
                            .setFeature("keyctl", "1"))
                    .renders("arch: amd64\nfeatures: keyctl=1,nesting=1\nrootfs: local-lvm:vm-102-disk-0,size=32G\n");
        }

        @Test
        void descriptionIsReplacedAsProxmoxDoes() {
            LxcConfig edited = LxcConfig.parse("#old note\narch: amd64\n# moved into Notes by Proxmox\n"
                            + "[snap1]\n#snap note\narch: amd64\n")
                    .edit().setDescription("Lab: KVM + GNS3\n50% of the class").build();
            assertThat(edited.render()).isEqualTo("#Lab%3A KVM + GNS3\n#50%25 of the class\narch: amd64\n"
                    + "[snap1]\n#snap note\narch: amd64\n");
            // Proxmox reads it back as the text, each comment line ending in a newline
            assertThat(edited.proxmox().description().text()).isEqualTo("Lab: KVM + GNS3\n50% of the class\n");
        }

        @Test
        void theseEditsNeedAProxmoxConfig() {
            ConfigEditor editor = LxcConfig.parse("lxc.arch = amd64\n").edit();
            assertThatThrownBy(() -> editor.setFeature("nesting", "1")).hasMessage("only Proxmox configs have features");
            assertThatThrownBy(() -> editor.proxmoxDevice("/dev/kvm")).hasMessage(
                    "only Proxmox configs have devN options");
        }
    }
}
