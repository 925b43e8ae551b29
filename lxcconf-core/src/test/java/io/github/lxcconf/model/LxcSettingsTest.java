package io.github.lxcconf.model;

import io.github.lxcconf.testing.Classroom;
import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LxcSettingsTest {

    /** The classroom config of the examples, byte for byte. */
    static final String CLASSROOM = Classroom.TEXT;

    @Test
    @DisplayName("the classroom config: two v1 rules for /dev/kvm and /dev/net/tun, a bind mount creating a file")
    void classroom() {
        LxcConfig config = LxcConfig.parse(CLASSROOM);
        assertThat(config.dialect()).isEqualTo(Dialect.PROXMOX);
        LxcSettings lxc = config.lxc();
        assertThat(lxc.diagnostics()).isEmpty();
        assertThat(lxc.deviceRules()).hasSize(2).allSatisfy(r -> {
            assertThat(r.version()).isEqualTo(CgroupVersion.V1);
            assertThat(r.allow()).isTrue();
            assertThat(r.key()).isEqualTo("lxc.cgroup.devices.allow");
        });
        assertThat(lxc.deviceRules()).extracting(r -> r.deviceInfo().orElseThrow().name())
                .containsExactly("/dev/kvm", "/dev/net/tun");
        assertThat(lxc.deviceRules()).extracting(r -> KnownDevice.of(r).orElseThrow())
                .containsExactly(KnownDevice.KVM, KnownDevice.TUN);
        assertThat(lxc.deviceRules()).extracting(r -> r.origin().orElseThrow().lineNumber()).containsExactly(13, 16);
        assertThat(lxc.deviceRules()).containsExactly(KnownDevice.KVM.allow(CgroupVersion.V1),
                KnownDevice.TUN.allow(CgroupVersion.V1));
        assertThat(lxc.mountEntries()).hasSize(1);
        MountEntry tun = lxc.mountEntries().get(0);
        assertThat(tun.isBind()).isTrue();
        assertThat(tun.create()).contains(CreateMode.FILE);
        assertThat(tun.isTargetAbsolute()).isFalse();
        assertThat(tun.target()).isEqualTo("dev/net/tun");
        assertThat(tun.origin().orElseThrow().lineNumber()).isEqualTo(17);
        assertThat(lxc.networkInterfaces()).isEmpty();
        assertThat(lxc.isUnprivileged()).isFalse();
    }

    @Test
    @DisplayName("the shared classroom file reads the same as the copy above")
    void classroomFile() throws IOException {
        String shared = System.getProperty("lxcconf.shared.dir");
        Path file = shared == null ? null : Path.of(shared, "examples", "classroom-102.conf");
        assumeTrue(file != null && Files.isRegularFile(file), "the shared examples are not beside the repository");
        assertThat(Files.readString(file)).isEqualTo(CLASSROOM);
        LxcSettings fromFile = LxcConfig.parse(file).lxc();
        assertThat(fromFile.deviceRules()).isEqualTo(LxcConfig.parse(CLASSROOM).lxc().deviceRules());
        assertThat(fromFile.mountEntries()).isEqualTo(LxcConfig.parse(CLASSROOM).lxc().mountEntries());
    }

    @Test
    @DisplayName("lxc() is computed once and shared, also when threads race for it")
    void lazyOnce() throws Exception {
        LxcConfig config = LxcConfig.parse(CLASSROOM);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<LxcSettings>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tasks.add(() -> {
                    start.await();
                    return config.lxc();
                });
            }
            List<Future<LxcSettings>> futures = new ArrayList<>();
            for (Callable<LxcSettings> t : tasks) {
                futures.add(pool.submit(t));
            }
            start.countDown();
            LxcSettings first = futures.get(0).get();
            for (Future<LxcSettings> f : futures) {
                assertThat(f.get()).isSameAs(first);
            }
            assertThat(config.lxc()).isSameAs(first);
        } finally {
            pool.shutdownNow();
        }
        assertThat(LxcSettings.of(config)).isNotSameAs(config.lxc());
        assertThat(LxcSettings.of(config).deviceRules()).isEqualTo(config.lxc().deviceRules());
    }

    @Test
    @DisplayName("an empty config: every view empty or default")
    void empty() {
        LxcSettings s = lxc("");
        assertThat(s.deviceRules()).isEmpty();
        assertThat(s.mountEntries()).isEmpty();
        assertThat(s.mountAuto()).isEmpty();
        assertThat(s.idMaps()).isEmpty();
        assertThat(s.capabilities()).isEqualTo(Capabilities.NONE);
        assertThat(s.networkInterfaces()).isEmpty();
        assertThat(s.apparmor()).isEqualTo(AppArmor.DEFAULT);
        assertThat(s.seccomp()).isEqualTo(Seccomp.DEFAULT);
        assertThat(s.selinux()).isEqualTo(Selinux.DEFAULT);
        assertThat(s.environment()).isEmpty();
        assertThat(s.hooks()).isEmpty();
        assertThat(s.diagnostics()).isEmpty();
        assertThat(s).hasToString("LxcSettings[0 device rules, 0 mount entries, 0 id maps, 0 interfaces, 0"
                + " diagnostics]");
    }

    @Test
    @DisplayName("diagnostics of every view come in line order, with the source name")
    void diagnosticsInOrder() {
        LxcConfig c = LxcConfig.reader().sourceName("web/config").parse("""
                lxc.net.0.vlan.id = 10
                lxc.cgroup2.devices.allow = x 1:1 rwm
                lxc.idmap = u 0 1
                lxc.cap.drop = bogus
                lxc.mount.auto = bogus
                """);
        assertThat(c.lxc().diagnostics()).extracting(d -> d.line() + " " + d.code().id())
                .containsExactly("1 LXC109", "2 LXC101", "3 LXC104", "4 LXC105", "5 LXC103");
        assertThat(c.lxc().diagnostics()).allMatch(d -> d.source().equals("web/config"));
        assertThat(c.lxc().diagnostics().get(1).toString()).startsWith("web/config:2:29: warning: invalid device rule");
        assertThat(c.lxc()).hasToString("LxcSettings[0 device rules, 0 mount entries, 0 id maps, 0 interfaces, 5"
                + " diagnostics]");
    }

    @Test
    @DisplayName("Proxmox: raw lxc.* lines of the main section only; snapshots and pending are not read")
    void proxmoxSections() {
        LxcSettings s = lxc("""
                hostname: ct
                lxc.idmap: u 0 100000 65536
                lxc.idmap = g 0 100000 65536
                lxc.cap.drop:
                [snap1]
                lxc.idmap: u 1 1 1
                lxc.cgroup2.devices.allow: c 10:232 rwm
                [pve:pending]
                lxc.cap.drop: sys_admin
                """);
        assertThat(s.idMaps()).extracting(IdMap::toValue).containsExactly("u 0 100000 65536", "g 0 100000 65536");
        assertThat(s.isUnprivileged()).isTrue();
        assertThat(s.deviceRules()).isEmpty();
        assertThat(s.capabilities()).isEqualTo(Capabilities.NONE);
    }

    @Test
    @DisplayName("native LXC: lines liblxc ignores or refuses are not read; quotes are removed as liblxc does")
    void nativeLines() {
        LxcSettings s = lxc("""
                lxc.idmap = u 0 100000 65536
                  lxc.idmap = 'g 0 100000 65536'
                LXC.idmap = u 1 1 1
                lxc.cap.drop sys_admin
                # lxc.cap.drop = sys_time
                """);
        assertThat(s.idMaps()).extracting(IdMap::toValue).containsExactly("u 0 100000 65536", "g 0 100000 65536");
        assertThat(s.capabilities()).isEqualTo(Capabilities.NONE);
        assertThat(s.diagnostics()).isEmpty();
    }

    @Test
    @DisplayName("a quoted blank is a value, not the empty value: it clears nothing (liblxc 5.0.2 holds it)")
    void blankIsAValue() {
        LxcSettings s = lxc("""
                lxc.mount.entry = /a b none bind
                lxc.mount.entry = " "
                lxc.cap.drop = sys_admin
                lxc.cap.drop = '	'
                lxc.mount.auto = proc:rw
                lxc.mount.auto = " "
                lxc.hook.mount = /bin/a
                lxc.hook.mount = " "
                lxc.net.0.type = veth
                lxc.net.0.link = br0
                lxc.net.0.link = "  "
                """);
        assertThat(s.mountEntries()).extracting(MountEntry::toValue).containsExactly("/a b none bind");
        assertThat(s.capabilities().list()).containsExactly(Capability.SYS_ADMIN);
        assertThat(s.mountAuto()).extracting(MountAuto::toValue).containsExactly("proc:rw");
        assertThat(s.hooks()).extracting(Hook::command).containsExactly("/bin/a", " ");
        assertThat(s.networkInterface(0).orElseThrow().link()).contains("  ");
        assertThat(s.diagnostics()).extracting(d -> d.line() + " " + d.code().id()).containsExactly("2 LXC102");
    }

    @Test
    @DisplayName("legacy keys are not read, and each gets a warning that names its replacement (LXC120)")
    void legacyKeys() {
        LxcSettings s = lxc("""
                lxc.network.type = veth
                lxc.network.link = br0
                lxc.network.type = veth
                lxc.network.ipv4 = 10.0.0.1
                lxc.utsname = web
                lxc.rootfs = /x
                lxc.id_map = u 0 100000 65536
                lxc.pivotdir = x
                lxc.network.3.link = br1
                lxc.limit.nofile = 1024
                """);
        assertThat(s.networkInterfaces()).isEmpty();
        assertThat(s.idMaps()).isEmpty();
        String tail = "' is a legacy name that liblxc 3.0 and later refuse; the typed views do not read it";
        assertThat(problems(s)).containsExactly(
                "1:1 warning LXC120 'lxc.network.type" + tail, "2:1 warning LXC120 'lxc.network.link" + tail,
                "3:1 warning LXC120 'lxc.network.type" + tail, "4:1 warning LXC120 'lxc.network.ipv4" + tail,
                "5:1 warning LXC120 'lxc.utsname" + tail, "6:1 warning LXC120 'lxc.rootfs" + tail,
                "7:1 warning LXC120 'lxc.id_map" + tail, "8:1 warning LXC120 'lxc.pivotdir" + tail,
                "9:1 warning LXC120 'lxc.network.3.link" + tail, "10:1 warning LXC120 'lxc.limit.nofile" + tail);
        assertThat(s.diagnostics()).extracting(d -> d.hint().orElse("")).containsExactly(
                "write 'lxc.net.0.type' instead", "write 'lxc.net.0.link' instead", "write 'lxc.net.1.type' instead",
                "write 'lxc.net.1.ipv4.address' instead", "write 'lxc.uts.name' instead",
                "write 'lxc.rootfs.path' instead", "write 'lxc.idmap' instead",
                "delete the line: liblxc has no replacement", "write 'lxc.net.3.link' instead",
                "write 'lxc.prlimit.nofile' instead");
        // validate() reports a legacy key once: its own VAL002 error, not also the typed views' warning
        assertThat(LxcConfig.reader().dialect(Dialect.LXC).parse("lxc.utsname = web\n").validate().diagnostics())
                .extracting(d -> d.code().id()).containsExactly("VAL002");
    }

    @Test
    @DisplayName("a quoted blank where liblxc needs a value is refused, as liblxc refuses the file")
    void blankRefused() {
        assertThat(lxc("lxc.idmap = \" \"\n").diagnostics()).extracting(d -> d.code().id())
                .containsExactly("LXC104");
        assertThat(lxc("lxc.cap.drop = sys_time\nlxc.cap.keep = \" \"\n").diagnostics())
                .extracting(d -> d.code().id()).containsExactly("LXC106");
    }

    @Test
    @DisplayName("a NUL ends liblxc's reading: the value before it counts, nothing after it")
    void nul() {
        LxcSettings s = lxc("lxc.idmap = u 0 100000 65536\nlxc.cap.drop = sys_admin\0 junk\nlxc.idmap = g 0 100000"
                + " 65536\n");
        assertThat(s.capabilities().list()).containsExactly(Capability.SYS_ADMIN);
        assertThat(s.idMaps()).hasSize(1);
        assertThat(s.diagnostics()).isEmpty();
        assertThat(lxc("lxc.cap.drop = 'sys_time\0'\nlxc.cap.keep = chown\n").capabilities().list())
                .isEqualTo(List.of());
        assertThat(problems("lxc.cap.drop = 'sys_time\0'\n")).containsExactly("1:16 error LXC105 unknown capability"
                + " ''sys_time' in lxc.cap.drop; liblxc refuses the file");
    }

    @Test
    @DisplayName("the lists read each element from its line: equal every time, after clears, and refusing changes")
    void listsReadFromLines() {
        LxcSettings s = lxc("""
                lxc.mount.entry = /a a none bind 0 0
                lxc.cgroup.devices.allow = c 10:232 rwm
                lxc.cgroup2.devices.allow = c 10:200 rwm
                lxc.cgroup.devices.allow = nonsense
                lxc.environment.runtime = R=1
                lxc.environment = A=1
                lxc.hook.start = /a
                lxc.hook.stop = /b
                lxc.mount.entry =
                lxc.cgroup.devices.allow =
                lxc.environment.runtime =
                lxc.hook.start =
                lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file 0 0
                lxc.idmap = u 0 100000 65536
                lxc.mount.entry = /c c none bind 0 0\0 junk
                lxc.mount.entry = /d d none bind 0 0
                """);
        assertThat(s.mountEntries()).extracting(MountEntry::source, m -> m.origin().orElseThrow().lineNumber())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/dev/net/tun", 13),
                        org.assertj.core.groups.Tuple.tuple("/c", 15));
        assertThat(s.mountEntries().get(0).create()).contains(CreateMode.FILE);
        assertThat(s.deviceRules()).extracting(DeviceRule::key, r -> r.origin().orElseThrow().lineNumber())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lxc.cgroup2.devices.allow", 3));
        assertThat(s.environment()).extracting(EnvironmentVariable::name).containsExactly("A");
        assertThat(s.hooks()).extracting(Hook::type, Hook::command)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HookType.STOP, "/b"));
        assertThat(s.idMaps()).hasSize(1);
        assertThat(s.diagnostics()).extracting(d -> d.line()).containsExactly(4);
        for (List<?> list : List.of(s.mountEntries(), s.deviceRules(), s.environment(), s.hooks(), s.idMaps())) {
            assertThat(list).isEqualTo(List.copyOf(list)).hasSameHashCodeAs(List.copyOf(list));
            assertThat(list.get(0)).isEqualTo(list.get(0));
            assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> list.get(list.size())).isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThatThrownBy(() -> s.deviceRules().add(DeviceRule.parse(CgroupVersion.V2, true, "c 1:3 rwm")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(lxc("lxc.uts.name = a\n").mountEntries()).isEmpty();
    }

    @Test
    @DisplayName("past 1024 lines, a list reads its elements from their lines: the same elements, after clears too")
    void longListsReadFromLines() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            text.append("lxc.mount.entry = /h").append(i).append(" m").append(i).append(" none bind,ro 0 0\n");
            text.append("lxc.cgroup2.devices.allow = c 10:").append(i % 256).append(" rwm\n");
            text.append("lxc.cgroup.devices.deny = c 1:").append(i % 256).append(" w\n");
        }
        text.append("lxc.cgroup.devices.deny =\n"); // clears the v1 denies only
        text.append("lxc.mount.entry = /last last none bind 0 0\n");
        LxcSettings s = lxc(text.toString());
        assertThat(s.mountEntries()).hasSize(1501);
        MountEntry m = s.mountEntries().get(1499);
        MountEntry parsed = MountEntry.parse("/h1499 m1499 none bind,ro 0 0");
        assertThat(new MountEntry(m.source(), m.target(), m.fsType(), m.options(), m.dump(), m.pass(),
                java.util.Optional.empty())).isEqualTo(parsed);
        assertThat(m.origin().orElseThrow().lineNumber()).isEqualTo(1499 * 3 + 1);
        assertThat(s.mountEntries().get(1500).source()).isEqualTo("/last");
        assertThat(s.mountEntries().get(1500).origin().orElseThrow().lineNumber()).isEqualTo(4502);
        assertThat(s.mountEntries().get(7)).isEqualTo(s.mountEntries().get(7)).isNotSameAs(s.mountEntries().get(7));
        assertThat(s.deviceRules()).hasSize(1500).allSatisfy(r -> assertThat(r.version()).isEqualTo(CgroupVersion.V2));
        assertThat(s.deviceRules().get(300).toValue()).isEqualTo("c 10:44 rwm");
        assertThat(s.deviceRules()).isEqualTo(List.copyOf(s.deviceRules()));
        assertThatThrownBy(() -> s.mountEntries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("every view knows the line it came from")
    void origins() {
        LxcSettings s = lxc("""
                lxc.net.0.type = veth
                lxc.hook.start = /a
                lxc.environment = A=1
                lxc.idmap = u 0 1 1
                lxc.mount.auto = proc
                """);
        assertThat(s.networkInterfaces().get(0).origins()).extracting(Origin::lineNumber).containsExactly(1);
        assertThat(s.hooks().get(0).origin().orElseThrow().lineNumber()).isEqualTo(2);
        assertThat(s.environment().get(0).origin().orElseThrow().lineNumber()).isEqualTo(3);
        assertThat(s.idMaps().get(0).origin().orElseThrow().lineNumber()).isEqualTo(4);
        assertThat(s.mountAuto().get(0).origin().orElseThrow().lineNumber()).isEqualTo(5);
    }
}
