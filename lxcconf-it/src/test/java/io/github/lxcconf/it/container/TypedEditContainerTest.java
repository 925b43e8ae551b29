package io.github.lxcconf.it.container;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.ContainerRun;
import io.github.lxcconf.it.Containers;
import io.github.lxcconf.it.DeviceProbe;
import io.github.lxcconf.it.DeviceProbe.Access;
import io.github.lxcconf.it.DeviceProbe.Device;
import io.github.lxcconf.it.LxcHost;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.CreateMode;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.IdMap;
import io.github.lxcconf.model.KnownDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every typed edit of {@code config.edit()} gives a config that starts on the real LXC and does what the
 * edit says: each test runs the config before and after the edit, so the probe would see the difference.
 */
class TypedEditContainerTest {

    @BeforeAll
    static void needsLxc() {
        LxcHost.require();
    }

    /** A native config as a generator would write it: rootfs, common.conf, no network, tmpfs on /tmp. */
    private static LxcConfig base(String... lines) {
        return LxcConfig.parse(Containers.config(lines));
    }

    private static Map<Access, Boolean> probe(CgroupHost host, LxcConfig config, Device device) {
        ContainerRun run = Containers.run(host, config.render(), DeviceProbe.script(List.of(device)));
        assertThat(run.exitCode()).as(run.describe()).isZero();
        return DeviceProbe.verdicts(List.of(device), run).get(device);
    }

    private static ContainerRun start(CgroupHost host, LxcConfig config, String script) {
        ContainerRun run = Containers.run(host, config.render(), script);
        assertThat(run.exitCode()).as(run.describe()).isZero();
        return run;
    }

    private static final Map<Access, Boolean> GRANTED = Map.of(Access.READ, true, Access.WRITE, true,
            Access.READ_WRITE, true, Access.MKNOD, true);
    private static final Map<Access, Boolean> OPEN_DENIED = Map.of(Access.READ, false, Access.WRITE, false,
            Access.READ_WRITE, false, Access.MKNOD, true);
    private static final Map<Access, Boolean> DENIED = Map.of(Access.READ, false, Access.WRITE, false,
            Access.READ_WRITE, false, Access.MKNOD, false);

    @Test
    void allowDeviceGrantsKvmWithTheDefaultCgroup2KeyOnCgroup2() {
        LxcConfig before = base(DeviceProbe.KVM.mountEntry());
        LxcConfig after = before.edit().allowDevice(KnownDevice.KVM).build();
        assertThat(after.render()).contains("lxc.cgroup2.devices.allow = c 10:232 rwm");
        assertThat(probe(CgroupHost.CGROUP2, before, DeviceProbe.KVM)).isEqualTo(OPEN_DENIED);
        assertThat(probe(CgroupHost.CGROUP2, after, DeviceProbe.KVM)).isEqualTo(GRANTED);
    }

    @Test
    void allowDeviceWithV1KeysGrantsOnHybrid() {
        LxcConfig before = base(DeviceProbe.TUN.mountEntry());
        LxcConfig after = before.edit().cgroupVersion(CgroupVersion.V1).allowDevice(DeviceType.CHAR, 10, 200).build();
        assertThat(after.render()).contains("lxc.cgroup.devices.allow = c 10:200 rwm");
        assertThat(probe(CgroupHost.HYBRID, before, DeviceProbe.TUN)).isEqualTo(OPEN_DENIED);
        assertThat(probe(CgroupHost.HYBRID, after, DeviceProbe.TUN)).isEqualTo(GRANTED);
    }

    @Test
    void denyDeviceTakesBackWhatCommonConfAllows() {
        LxcConfig before = base(DeviceProbe.FUSE.mountEntry());
        LxcConfig v2 = before.edit().denyDevice(DeviceType.CHAR, 10, 229).build();
        LxcConfig v1 = before.edit().cgroupVersion(CgroupVersion.V1).denyDevice(DeviceType.CHAR, 10, 229).build();
        assertThat(probe(CgroupHost.CGROUP2, before, DeviceProbe.FUSE)).isEqualTo(GRANTED);
        assertThat(probe(CgroupHost.HYBRID, before, DeviceProbe.FUSE)).isEqualTo(GRANTED);
        // common.conf's "c *:* m" still lets mknod through on both layouts
        assertThat(probe(CgroupHost.CGROUP2, v2, DeviceProbe.FUSE)).isEqualTo(OPEN_DENIED);
        assertThat(probe(CgroupHost.HYBRID, v1, DeviceProbe.FUSE)).isEqualTo(OPEN_DENIED);
    }

    @Test
    void passthroughMakesTheNodeAppearAndOpen() {
        LxcConfig before = base();
        for (KnownDevice known : List.of(KnownDevice.TUN, KnownDevice.LOOP_CONTROL)) {
            Device device = known == KnownDevice.TUN ? DeviceProbe.TUN : DeviceProbe.LOOP_CONTROL;
            String check = "[ -c " + known.path() + " ] && echo node-present || echo node-missing\n";
            assertThat(start(CgroupHost.CGROUP2, before, check).stdout()).contains("node-missing");
            LxcConfig after = before.edit().passthrough(known).build();
            assertThat(start(CgroupHost.CGROUP2, after, check).stdout()).contains("node-present");
            assertThat(probe(CgroupHost.CGROUP2, after, device)).as(known.name()).isEqualTo(GRANTED);
            LxcConfig afterV1 = before.edit().cgroupVersion(CgroupVersion.V1).passthrough(known).build();
            assertThat(probe(CgroupHost.HYBRID, afterV1, device)).as(known.name()).isEqualTo(GRANTED);
        }
    }

    @Test
    void passthroughOfKvmAtTheNodesPath() {
        // this host has no /dev/kvm: pass a node 10:232 made with mknod, at its own path
        String node = DeviceProbe.KVM.hostNode();
        Device kvm = new Device("kvm", 'c', 10, 232, node);
        LxcConfig after = base().edit().passthrough(KnownDevice.KVM, node).build();
        assertThat(after.render()).contains("lxc.cgroup2.devices.allow = c 10:232 rwm",
                "lxc.mount.entry = " + node + " " + node.substring(1) + " none bind,create=file");
        assertThat(probe(CgroupHost.CGROUP2, after, kvm)).isEqualTo(GRANTED);
        LxcConfig v1 = base().edit().cgroupVersion(CgroupVersion.V1).passthrough(KnownDevice.KVM, node).build();
        assertThat(probe(CgroupHost.HYBRID, v1, kvm)).isEqualTo(GRANTED);
        // the v2 rule does nothing on the hybrid host
        assertThat(probe(CgroupHost.HYBRID, after, kvm)).isEqualTo(OPEN_DENIED);
    }

    @Test
    void bindMountOfAFileAndADirectory(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("motd");
        Files.writeString(file, "hello from the host\n");
        Path dir = Files.createDirectory(tmp.resolve("share"));
        Files.writeString(dir.resolve("inside.txt"), "in the directory\n");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));

        LxcConfig after = base().edit()
                .bindMount(file.toString(), "/etc/motd", CreateMode.FILE)
                .bindMount(dir.toString(), "mnt/share")                 // relative target, create=dir
                .bindMount(dir.toString(), "/srv/ro", CreateMode.DIR, "ro")
                .build();
        String render = after.render();
        assertThat(render).contains("lxc.mount.entry = " + file + " etc/motd none bind,create=file")
                .contains("lxc.mount.entry = " + dir + " mnt/share none bind,create=dir");
        ContainerRun run = start(CgroupHost.CGROUP2, after,
                "cat /etc/motd; cat /mnt/share/inside.txt; echo written > /mnt/share/from-container && echo write-ok;"
                        + " echo x > /srv/ro/denied 2>&1 || echo ro-refused; ls /srv/ro");
        assertThat(run.stdout()).contains("hello from the host", "in the directory", "write-ok", "ro-refused",
                "inside.txt");
        assertThat(Files.readString(dir.resolve("from-container"))).isEqualTo("written\n");
        assertThat(dir.resolve("denied")).doesNotExist();
    }

    @Test
    void optionalBindMountOfAMissingPathStartsAndAMandatoryOneDoesNot(@org.junit.jupiter.api.io.TempDir Path tmp) {
        String missing = tmp.resolve("not-there").toString();
        LxcConfig optional = base().edit().bindMount(missing, "/mnt/maybe", CreateMode.DIR, "optional").build();
        LxcConfig mandatory = base().edit().bindMount(missing, "/mnt/maybe", CreateMode.DIR).build();
        assertThat(optional.render()).contains(" mnt/maybe none bind,create=dir,optional");
        assertThat(start(CgroupHost.CGROUP2, optional, "echo started").stdout()).contains("started");
        ContainerRun failed = Containers.run(CgroupHost.CGROUP2, mandatory.render(), "echo started");
        assertThat(failed.exitCode()).as(failed.describe()).isNotZero();
        assertThat(failed.stdout()).doesNotContain("started");
    }

    @Test
    void dropCapabilitiesClearsThemFromTheBoundingSet() {
        LxcConfig before = base();
        LxcConfig after = before.edit().dropCapabilities(Capability.SYS_ADMIN, Capability.NET_RAW).build();
        Set<Capability> capsBefore = boundingSet(start(CgroupHost.CGROUP2, before, "grep CapBnd /proc/self/status"));
        Set<Capability> capsAfter = boundingSet(start(CgroupHost.CGROUP2, after, "grep CapBnd /proc/self/status"));
        assertThat(capsBefore).contains(Capability.SYS_ADMIN, Capability.NET_RAW, Capability.CHOWN)
                .doesNotContain(Capability.SYS_MODULE); // common.conf drops sys_module
        assertThat(capsAfter).doesNotContain(Capability.SYS_ADMIN, Capability.NET_RAW, Capability.SYS_MODULE);
        Set<Capability> expected = EnumSet.copyOf(capsBefore);
        expected.removeAll(List.of(Capability.SYS_ADMIN, Capability.NET_RAW));
        assertThat(capsAfter).isEqualTo(expected);
    }

    @Test
    void keepCapabilitiesLeavesExactlyThoseInTheBoundingSet() {
        // without common.conf (and its lxc.cap.drop, which liblxc does not combine with lxc.cap.keep)
        LxcConfig before = LxcConfig.parse(Containers.config(false, List.of("lxc.mount.auto = proc:mixed sys:mixed")));
        LxcConfig after = before.edit().keepCapabilities(Capability.CHOWN, Capability.NET_BIND_SERVICE,
                Capability.SETUID, Capability.SETGID).build();
        assertThat(boundingSet(start(CgroupHost.HYBRID, before, "grep CapBnd /proc/self/status")))
                .contains(Capability.SYS_ADMIN, Capability.SYS_MODULE);
        assertThat(boundingSet(start(CgroupHost.HYBRID, after, "grep CapBnd /proc/self/status")))
                .containsExactlyInAnyOrder(Capability.CHOWN, Capability.NET_BIND_SERVICE, Capability.SETUID,
                        Capability.SETGID);
    }

    /** Decodes the CapBnd line of /proc/self/status. */
    static Set<Capability> boundingSet(ContainerRun run) {
        String line = run.stdout().lines().filter(l -> l.startsWith("CapBnd:")).findFirst()
                .orElseThrow(() -> new AssertionError("no CapBnd line\n" + run.describe()));
        long mask = Long.parseUnsignedLong(line.substring("CapBnd:".length()).trim(), 16);
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        for (int bit = 0; bit < 64; bit++) {
            if ((mask & (1L << bit)) != 0) {
                int number = bit;
                caps.add(Capability.of(number).orElseThrow(() -> new AssertionError("unknown capability " + number)));
            }
        }
        return caps;
    }

    @Test
    void addIdMapRunsAnUnprivilegedContainer(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        LxcConfig before = base().edit().bindMount(shared.toString(), "/mnt/shared").build();
        LxcConfig after = before.edit().addIdMap(IdMap.uid(0, 100000, 65536)).addIdMap(IdMap.gid(0, 100000, 65536))
                .build();
        assertThat(after.render()).contains("lxc.idmap = u 0 100000 65536\n", "lxc.idmap = g 0 100000 65536\n");
        String script = "cat /proc/self/uid_map /proc/self/gid_map; touch /mnt/shared/made-by-";

        ContainerRun privileged = start(CgroupHost.HYBRID, before, script + "privileged");
        assertThat(maps(privileged)).containsExactly("0 0 4294967295", "0 0 4294967295");
        assertThat(Files.getAttribute(shared.resolve("made-by-privileged"), "unix:uid")).isEqualTo(0);
        ContainerRun unprivileged = start(CgroupHost.HYBRID, after, script + "unprivileged");
        assertThat(maps(unprivileged)).containsExactly("0 100000 65536", "0 100000 65536");
        // the container's root is host uid 100000
        assertThat(Files.getAttribute(shared.resolve("made-by-unprivileged"), "unix:uid")).isEqualTo(100000);
        assertThat(Files.getAttribute(shared.resolve("made-by-unprivileged"), "unix:gid")).isEqualTo(100000);
    }

    private static List<String> maps(ContainerRun run) {
        return run.stdout().lines().map(l -> l.trim().replaceAll("\\s+", " ")).toList();
    }
}
