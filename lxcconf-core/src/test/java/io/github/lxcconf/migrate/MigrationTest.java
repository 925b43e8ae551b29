package io.github.lxcconf.migrate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {
    /** Device migrations applied even where they widen access, for the tests of how lines are written. */
    private static final MigrationOptions WIDENING = MigrationOptions.all().withWidening(true);


    private static LxcConfig lxc(String text) {
        return LxcConfig.reader().dialect(Dialect.LXC).sourceName("config").parse(text);
    }

    private static LxcConfig pve(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("100.conf").parse(text);
    }

    @Test
    void legacyKeysLxc() {
        String in = """
                # web
                lxc.utsname = web
                lxc.rootfs.backend = btrfs
                lxc.rootfs = /var/lib/lxc/web/rootfs
                lxc.network.type = veth
                lxc.network.flags = up
                lxc.network.ipv4 = 10.0.0.2/24
                lxc.network.ipv4.gateway = 10.0.0.1

                lxc.network.type = macvlan
                  lxc.network.link=eth0\t
                lxc.network.1.ipv6 = fd00::2/64
                lxc.pivotdir = lxc_putold
                lxc.limit.nofile = 1024
                lxc.id_map = u 0 100000 65536
                lxc.aa_profile = "unconfined"
                lxc.mount.entry = proc proc proc defaults 0 0
                """.replace("\n", "\r\n");
        String out = """
                # web
                lxc.uts.name = web
                lxc.rootfs.path = btrfs:/var/lib/lxc/web/rootfs
                lxc.net.0.type = veth
                lxc.net.0.flags = up
                lxc.net.0.ipv4.address = 10.0.0.2/24
                lxc.net.0.ipv4.gateway = 10.0.0.1

                lxc.net.1.type = macvlan
                  lxc.net.1.link=eth0\t
                lxc.net.1.ipv6.address = fd00::2/64
                lxc.prlimit.nofile = 1024
                lxc.idmap = u 0 100000 65536
                lxc.apparmor.profile = "unconfined"
                lxc.mount.entry = proc proc proc defaults 0 0
                """.replace("\n", "\r\n");
        Migration m = lxc(in).migrate();
        assertThat(m.config().render()).isEqualTo(out);
        assertThat(m.diagnostics()).isEmpty();
        assertThat(m.changes()).extracting(Change::line)
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16);
        Change ipv4 = m.changes().get(5);
        assertThat(ipv4.oldLine()).isEqualTo("lxc.network.ipv4 = 10.0.0.2/24");
        assertThat(ipv4.newLines()).containsExactly("lxc.net.0.ipv4.address = 10.0.0.2/24");
        assertThat(ipv4.reason()).isEqualTo("lxc.network.ipv4 is the pre-2.1 name of lxc.net.0.ipv4.address; "
                + "LXC 3.0 and later refuse it (last accepted by 2.1.x). Unnumbered lxc.network.* lines belong to "
                + "the interface the last lxc.network.type line started, here interface 0.");
        Change indexed = m.changes().get(9);
        assertThat(indexed.reason()).endsWith("The address key is lxc.net.1.ipv6.address; lxc-update-config writes "
                + "lxc.net.N.ipv6, which LXC 3.0 and later refuse.");
        assertThat(m.changes().get(1).isRemoval()).isTrue();
        assertThat(m.changes().get(10).isRemoval()).isTrue();
    }

    @Test
    void rootfsWithoutBackendGetsDirAndNetworkKeyWithoutTypeIsReported() {
        Migration m = lxc("lxc.network.link = br0\nlxc.rootfs = /srv/rootfs\nlxc.network =\n").migrate();
        assertThat(m.config().render()).isEqualTo("lxc.network.link = br0\nlxc.rootfs.path = dir:/srv/rootfs\nlxc.net =\n");
        assertThat(m.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "config:1:1: warning: lxc.network.link comes before any lxc.network.type line, so it belongs to no "
                        + "interface and cannot be numbered; the line is left as it is [MIG003]");
    }

    @Test
    void legacyKeysProxmox() {
        String in = """
                arch: amd64
                hostname: ct
                lxc.aa_profile: unconfined
                lxc.cgroup.devices.allow: c 10:200 rwm
                memory: 512
                lxc.utsname: nope

                [snap1]
                lxc.aa_profile: unconfined
                """;
        Migration m = pve(in).migrate(MigrationOptions.all().withWidening(true));
        assertThat(m.config().render()).isEqualTo("""
                arch: amd64
                hostname: ct
                lxc.apparmor.profile: unconfined
                lxc.cgroup2.devices.allow: c 10:200 rwm
                memory: 512
                lxc.uts.name: nope

                [snap1]
                lxc.apparmor.profile: unconfined
                """);
        assertThat(m.config().dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(m.changes()).extracting(Change::line).containsExactly(3, 4, 6, 9);
    }

    @Test
    void cgroupV1ToCgroup2Lxc() {
        String in = """
                lxc.cgroup.devices.deny = a
                lxc.cgroup.devices.allow = c 10:232 rwm
                lxc.cgroup.memory.limit_in_bytes = 512M
                lxc.cgroup.memory.memsw.limit_in_bytes = 1G
                lxc.cgroup.cpu.shares = 1024
                lxc.cgroup.cpu.cfs_quota_us = 50000
                lxc.cgroup.cpu.cfs_period_us = 100000
                lxc.cgroup.cpuset.cpus = 0-1
                lxc.cgroup.blkio.weight = 500
                lxc.cgroup.blkio.throttle.read_bps_device = 8:0 1048576
                lxc.cgroup.pids.max = 100
                lxc.cgroup.memory.swappiness = 0
                lxc.cgroup.dir = lxc/web
                lxc.cgroup.hugetlb.2MB.limit_in_bytes = -1
                """;
        Migration m = lxc(in).migrate();
        assertThat(m.config().render()).isEqualTo("""
                lxc.cgroup2.devices.deny = a
                lxc.cgroup2.devices.allow = c 10:232 rwm
                lxc.cgroup2.memory.max = 512M
                lxc.cgroup2.memory.swap.max = 512M
                lxc.cgroup2.cpu.weight = 39
                lxc.cgroup2.cpu.max = 50000 100000
                lxc.cgroup2.cpuset.cpus = 0-1
                lxc.cgroup2.io.weight = 100
                lxc.cgroup2.io.max = 8:0 rbps=1048576
                lxc.cgroup2.pids.max = 100
                lxc.cgroup.memory.swappiness = 0
                lxc.cgroup.dir = lxc/web
                lxc.cgroup2.hugetlb.2MB.max = max
                """);
        assertThat(m.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "config:4:1: warning: lxc.cgroup.memory.memsw.limit_in_bytes limits memory plus swap, "
                        + "memory.swap.max limits swap alone; the memory limit (512M) was subtracted: 1G - memory = "
                        + "512M of swap [MIG002]",
                "config:12:1: warning: lxc.cgroup.memory.swappiness was not translated to cgroup2: cgroup2 has no "
                        + "memory.swappiness file; cgroup2 hosts ignore the line and LXC 7.0 refuses it [MIG001]");
        assertThat(m.changes().get(4).reason()).isEqualTo("cpu.shares (2..262144, default 1024) becomes cpu.weight "
                + "(1..10000, default 100) with the kernel's conversion 1 + ((shares - 2) * 9999) / 262142: 1024 -> 39.");
        assertThat(m.changes().get(6).isRemoval()).isTrue();
        assertThat(m.changes().get(6).oldLine()).isEqualTo("lxc.cgroup.cpu.cfs_period_us = 100000");
    }

    @Test
    void cgroupV1ToCgroup2Proxmox() {
        Migration m = pve("arch: amd64\nlxc.cgroup.cpu.shares: 512\nlxc.cgroup.memory.memsw.limit_in_bytes: -1\n"
                + "lxc.cgroup.freezer.state: THAWED\n").migrate();
        assertThat(m.config().render()).isEqualTo("arch: amd64\nlxc.cgroup2.cpu.weight: 20\n"
                + "lxc.cgroup2.memory.swap.max: max\nlxc.cgroup.freezer.state: THAWED\n");
        assertThat(m.diagnostics()).extracting(Diagnostic::code).containsExactly(
                DiagnosticCode.MIG_CHECK_TRANSLATION, DiagnosticCode.MIG_NO_CGROUP2_EQUIVALENT);
    }

    @Test
    void cgroupOnlyWhenAsked() {
        LxcConfig c = lxc("lxc.utsname = a\nlxc.cgroup.cpu.shares = 512\n");
        assertThat(c.migrate(MigrationOptions.all().withCgroup2(false)).config().render())
                .isEqualTo("lxc.uts.name = a\nlxc.cgroup.cpu.shares = 512\n");
        assertThat(c.migrate(MigrationOptions.all().withLegacyKeys(false)).config().render())
                .isEqualTo("lxc.utsname = a\nlxc.cgroup2.cpu.weight = 20\n");
    }

    @Test
    void aV1RuleWhoseCgroup2TwinIsThereIsRemovedNotWrittenTwice() {
        Migration m = lxc("""
                lxc.cgroup2.devices.allow = c 10:232 rwm
                lxc.cgroup.devices.allow = c  10:232 rwm
                lxc.cgroup.devices.allow = c 10:200 rwm
                lxc.cgroup.devices.allow = c 10:200 rwm
                """).migrate(WIDENING);
        assertThat(m.config().render()).isEqualTo("""
                lxc.cgroup2.devices.allow = c 10:232 rwm
                lxc.cgroup2.devices.allow = c 10:200 rwm
                """);
        assertThat(m.changes()).extracting(Change::line).containsExactly(2, 3, 4);
        assertThat(m.changes().get(0).isRemoval()).isTrue();
        assertThat(m.changes().get(0).reason()).endsWith("The section already has the rule "
                + "'lxc.cgroup2.devices.allow = c  10:232 rwm', so the line is removed instead of writing it twice.");
        assertThat(m.changes().get(2).isRemoval()).isTrue();
    }

    @Test
    void aTwinIsKeptWhereAllowAndDenyOfTheSameRuleMakeOrderMatter() {
        String in = """
                lxc.cgroup2.devices.allow = c 10:232 rwm
                lxc.cgroup2.devices.deny = c 10:232 rwm
                lxc.cgroup.devices.allow = c 10:232 rwm
                """;
        assertThat(lxc(in).migrate(WIDENING).config().render()).isEqualTo(in.replace("lxc.cgroup.", "lxc.cgroup2."));
    }

    @Test
    void aFileWithoutAFinalLineEndKeepsThatShape() {
        assertThat(lxc("lxc.utsname = web").migrate().config().render()).isEqualTo("lxc.uts.name = web");
        assertThat(pve("""
                arch: amd64
                hostname: ct
                lxc.cgroup2.devices.allow: c 10:200 rwm
                lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file""").migrate(WIDENING).config().render())
                .isEqualTo("arch: amd64\ndev0: /dev/net/tun\nhostname: ct");
        assertThat(pve("arch: amd64\nlxc.cgroup.devices.allow: c 10:232 rwm").migrate(WIDENING).config().render())
                .isEqualTo("arch: amd64\nlxc.cgroup2.devices.allow: c 10:232 rwm");
    }

    @Test
    void proxmoxDevicePassthroughBecomesDevN() {
        String in = """
                arch: amd64
                hostname: ct
                memory: 512
                ostype: debian
                lxc.cgroup2.devices.allow: c 10:200 rwm
                lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file
                lxc.cgroup.devices.allow: c 226:128 rw
                lxc.mount.entry: /dev/dri/renderD128 dev/dri/renderD128 none bind,optional,create=file
                lxc.cgroup2.devices.allow: c 10:232 r
                lxc.mount.entry: /dev/kvm dev/kvm none bind,create=file
                lxc.cgroup2.devices.allow: c 189:* rwm
                lxc.mount.entry: /dev/bus/usb dev/bus/usb none bind,optional,create=dir
                """;
        Migration m = pve(in).migrate(MigrationOptions.all().withWidening(true));
        assertThat(m.config().render()).isEqualTo("""
                arch: amd64
                dev0: /dev/net/tun
                dev1: /dev/dri/renderD128
                dev2: /dev/kvm,deny-write=1
                hostname: ct
                memory: 512
                ostype: debian
                lxc.cgroup2.devices.allow: c 189:* rwm
                lxc.mount.entry: /dev/bus/usb dev/bus/usb none bind,optional,create=dir
                """);
        assertThat(m.changes()).extracting(Change::line).containsExactly(5, 6, 7, 8, 9, 10);
        assertThat(m.changes().get(0).newLines()).containsExactly("dev0: /dev/net/tun");
        assertThat(m.changes().get(1).isRemoval()).isTrue();
        Change v1 = m.changes().get(2);
        assertThat(v1.oldLine()).isEqualTo("lxc.cgroup.devices.allow: c 226:128 rw");
        assertThat(v1.newLines()).containsExactly("dev1: /dev/dri/renderD128");
        assertThat(v1.reason()).startsWith("Device rules carry over from cgroup v1 to cgroup2 unchanged;")
                .contains("a missing node stops the start");
        assertThat(m.changes().get(0).reason()).endsWith("; devN does not grant mknod (m).");
        // each rule goes with the bind mount its devN option replaces, and the other way round
        assertThat(m.changes()).extracting(Change::relatedLines)
                .containsExactly(List.of(6), List.of(5), List.of(8), List.of(7), List.of(10), List.of(9));
    }

    @Test
    void aRuleWrittenTwiceGoesWithEveryLineTheDevNReplaces() {
        Migration m = pve("""
                arch: amd64
                lxc.cgroup2.devices.allow: c 10:200 rwm
                lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file
                lxc.cgroup2.devices.allow: c 10:200 rwm
                """).migrate();
        assertThat(m.config().render()).isEqualTo("arch: amd64\ndev0: /dev/net/tun\n");
        // the rule's change names every line; each other line names the rule's line (linear in the copies)
        assertThat(m.changes()).extracting(Change::line, Change::relatedLines).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, List.of(3, 4)),
                org.assertj.core.groups.Tuple.tuple(3, List.of(2)),
                org.assertj.core.groups.Tuple.tuple(4, List.of(2)));
        assertThat(new Change(1, "x", List.of(), "why").relatedLines()).isEmpty();
    }

    @Test
    void nativeConfigKeepsRawDeviceLines() {
        String in = "lxc.cgroup2.devices.allow = c 10:200 rwm\n"
                + "lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file\n";
        LxcConfig c = lxc(in);
        Migration m = c.migrate();
        assertThat(m.changed()).isFalse();
        assertThat(m.config()).isSameAs(c);
        assertThat(m.config().render()).isEqualTo(in);
        assertThat(pve(in.replace(" = ", ": ")).migrate(MigrationOptions.all().withProxmoxDevices(false)).changed())
                .isFalse();
    }

    @Test
    void nothingToMigrateGivesTheSameConfig() {
        LxcConfig c = lxc("lxc.uts.name = a\n");
        Migration m = c.migrate();
        assertThat(m.config()).isSameAs(c);
        assertThat(m.changes()).isEmpty();
        assertThat(m.diagnostics()).isEqualTo(List.of());
    }

    /** Unnumbered legacy interfaces are numbered above the section's lxc.net.N lines ('|' separates lines). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', textBlock = """
            no lxc.net.N: from 0          ! lxc.network.type = veth|lxc.network.link = br0                                          ! lxc.net.0.type = veth|lxc.net.0.link = br0
            after lxc.net.0               ! lxc.net.0.type = veth|lxc.network.type = veth|lxc.network.link = br1                    ! lxc.net.0.type = veth|lxc.net.1.type = veth|lxc.net.1.link = br1
            lxc.net.N below counts too    ! lxc.network.type = veth|lxc.network.link = br1|lxc.net.0.type = veth                    ! lxc.net.1.type = veth|lxc.net.1.link = br1|lxc.net.0.type = veth
            sparse: above the highest     ! lxc.net.5.type = empty|lxc.net.00.link = x|lxc.network.type = veth|lxc.network.type = phys ! lxc.net.5.type = empty|lxc.net.00.link = x|lxc.net.6.type = veth|lxc.net.7.type = phys
            leading zeros read as numbers ! lxc.net.010.type = veth|lxc.network.type = veth                                         ! lxc.net.010.type = veth|lxc.net.11.type = veth
            legacy numbered keep theirs   ! lxc.network.type = veth|lxc.network.type = veth|lxc.network.1.ipv4 = 10.0.0.2/24        ! lxc.net.0.type = veth|lxc.net.1.type = veth|lxc.net.1.ipv4.address = 10.0.0.2/24
            lxc.network = restarts        ! lxc.net.2.type = veth|lxc.network =|lxc.network.type = veth                             ! lxc.net.2.type = veth|lxc.net =|lxc.net.3.type = veth
            """)
    void unnumberedInterfacesAreNumberedAboveExistingOnes(String name, String in, String out) {
        Migration m = lxc(in.strip().replace('|', '\n') + "\n").migrate();
        assertThat(m.config().render()).isEqualTo(out.strip().replace('|', '\n') + "\n");
        assertThat(m.diagnostics()).isEmpty();
        assertThat(m.config().validate().diagnostics()).noneMatch(d -> d.code() == DiagnosticCode.VAL_LEGACY_KEY);
    }

    @Test
    void numberingAboveExistingInterfacesIsExplainedAndCountsPerSection() {
        Migration m = pve("arch: amd64\nlxc.net.1.type: veth\nlxc.network.type: veth\n\n[snap]\n"
                + "lxc.network.type: veth\n").migrate();
        assertThat(m.config().render()).isEqualTo("arch: amd64\nlxc.net.1.type: veth\nlxc.net.2.type: veth\n\n"
                + "[snap]\nlxc.net.0.type: veth\n");
        assertThat(m.changes().get(0).reason()).endsWith("here interface 2. Numbering starts at 2, above the numbered "
                + "interfaces of the file, so that no two interfaces share a number.");
        assertThat(m.changes().get(1).reason()).endsWith("here interface 0.");
    }

    /** Legacy keys of a Proxmox config whose current name Proxmox refuses ('|' separates lines). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', textBlock = """
            devttydir  ! lxc.devttydir: lxc     ! lxc.tty.dir         ! ''
            rootfs     ! lxc.rootfs: /srv/ct    ! lxc.rootfs.path     ! ' ("lxc.rootfs.path is auto generated from rootfs")'
            syslog     ! lxc.syslog: daemon     ! lxc.log.syslog      ! ''
            bare cgroup! 'lxc.cgroup: '         ! lxc.cgroup2         ! ''
            """)
    void proxmoxLegacyKeyWhoseNewNameProxmoxRefusesIsRemoved(String name, String line, String newKey, String said) {
        String oldKey = line.substring(0, line.indexOf(':'));
        LxcConfig c = pve("arch: amd64\n" + line + "\nmemory: 512\n");
        Migration m = c.migrate();
        assertThat(m.config().render()).isEqualTo("arch: amd64\nmemory: 512\n");
        assertThat(m.changes()).hasSize(1);
        assertThat(m.changes().get(0).isRemoval()).isTrue();
        assertThat(m.changes().get(0).reason()).endsWith(" Proxmox refuses " + newKey + said
                + " and drops it on its next write, so the line is removed.");
        assertThat(m.diagnostics()).extracting(Diagnostic::toString).containsExactly("100.conf:2:1: warning: " + oldKey
                + " has no spelling that Proxmox keeps and liblxc accepts: its current name " + newKey
                + " is refused by Proxmox" + said + "; the line was removed [MIG005]");
        // a native config keeps the setting under its current name
        Migration lxc = lxc(line.replace(": ", " = ").replace(":", " =") + "\n").migrate();
        assertThat(lxc.config().entries()).extracting(e -> e.key()).containsExactly(
                newKey.equals("lxc.rootfs.path") ? "lxc.rootfs.path" : newKey);
        assertThat(lxc.diagnostics()).isEmpty();
    }

    /** Several lxc.mount.auto lines: liblxc keeps the last item of each category ('|' separates lines). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', textBlock = """
            proc conflict           ! lxc.mount.auto = proc:mixed|lxc.mount.auto = proc:rw                    ! 2: proc:rw replaces proc:mixed of line 1: liblxc keeps the last proc item, so proc:mixed has no effect
            sys among others        ! lxc.mount.auto = cgroup:mixed proc:mixed sys:mixed|lxc.mount.auto = sys:rw ! 2: sys:rw replaces sys:mixed of line 1: liblxc keeps the last sys item, so sys:mixed has no effect
            cgroup kinds share one  ! lxc.mount.auto = cgroup:mixed|lxc.mount.auto = cgroup2                    ! 2: cgroup2 replaces cgroup:mixed of line 1: liblxc keeps the last cgroup item, so cgroup:mixed has no effect
            on one line             ! lxc.mount.auto = sys:ro sys:rw                                          ! 1: sys:rw replaces sys:ro earlier on this line: liblxc keeps the last sys item, so sys:ro has no effect
            same meaning is no conflict ! lxc.mount.auto = proc|lxc.mount.auto = proc:mixed                   ! ''
            other categories merge  ! lxc.mount.auto = proc:mixed|lxc.mount.auto = sys:ro cgroup:rw           ! ''
            empty value clears      ! lxc.mount.auto = proc:mixed|lxc.mount.auto =|lxc.mount.auto = proc:rw   ! ''
            unknown item is skipped ! lxc.mount.auto = proc:mixed|lxc.mount.auto = proc:bogus                 ! ''
            """)
    void conflictingMountAutoItemsAreReported(String name, String in, String expected) {
        LxcConfig c = lxc(in.strip().replace('|', '\n') + "\n");
        Migration m = c.migrate();
        assertThat(m.config()).isSameAs(c);
        assertThat(m.diagnostics().stream().map(d -> d.line() + ": " + d.message().replace("lxc.mount.auto item ", ""))
                .toList()).isEqualTo(expected.isBlank() ? List.of() : List.of(expected.strip()));
        m.diagnostics().forEach(d -> assertThat(d.code()).isEqualTo(DiagnosticCode.MIG_MOUNT_AUTO_OVERRIDDEN));
    }

    @Test
    void mountAutoConflictsAreCheckedPerSectionAndSurviveTheMigration() {
        LxcConfig c = pve("lxc.mount.auto: proc:mixed\nlxc.utsname: a\n[snap]\nlxc.mount.auto: proc:rw\n"
                + "lxc.mount.auto: proc:mixed\n");
        Migration m = c.migrate();
        assertThat(m.config().render()).isEqualTo("lxc.mount.auto: proc:mixed\nlxc.uts.name: a\n[snap]\n"
                + "lxc.mount.auto: proc:rw\nlxc.mount.auto: proc:mixed\n");
        assertThat(m.diagnostics()).extracting(Diagnostic::toString).containsExactly("100.conf:5:17: warning: "
                + "lxc.mount.auto item proc:mixed replaces proc:rw of line 4: liblxc keeps the last proc item, so "
                + "proc:rw has no effect [MIG006]");
        assertThat(m.diagnostics().get(0).hint()).contains("remove proc:rw from line 4, or remove proc:mixed if "
                + "proc:rw is what the container needs");
    }

    @Test
    void untouchedLinesKeepTheirBytes() {
        byte[] in = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "# caf\u00e9 \t\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new byte[] {'#', ' ', (byte) 0xFF, (byte) 0xC3, '\r', '\n'},
                "\tlxc.utsname\t=\t\"web\"  \r\nlxc.uts.name = keep\r\r\nlxc.network.type=veth"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] out = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "# caf\u00e9 \t\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new byte[] {'#', ' ', (byte) 0xFF, (byte) 0xC3, '\r', '\n'},
                "\tlxc.uts.name\t=\t\"web\"  \r\nlxc.uts.name = keep\r\r\nlxc.net.0.type=veth"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LxcConfig c = LxcConfig.reader().dialect(Dialect.LXC).parse(in);
        assertThat(c.toBytes()).isEqualTo(in);
        Migration m = c.migrate();
        assertThat(m.changes()).extracting(Change::line).containsExactly(3, 6);
        assertThat(m.config().toBytes()).isEqualTo(out);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    @Test
    void devNMigrationAloneGoesThroughTheEditorAndKeepsUntouchedLineObjects() {
        LxcConfig c = pve("arch: amd64\n# note\nhostname: ct\nlxc.cgroup2.devices.allow: c 10:200 rwm\n"
                + "lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file\nlxc.apparmor.profile: unconfined\n");
        Migration m = c.migrate();
        assertThat(m.config().render()).isEqualTo("arch: amd64\ndev0: /dev/net/tun\n# note\nhostname: ct\n"
                + "lxc.apparmor.profile: unconfined\n");
        List<io.github.lxcconf.syntax.Line> out = m.config().lines();
        assertThat(out.get(0)).isSameAs(c.lines().get(0));
        assertThat(out.get(2)).isSameAs(c.lines().get(1));
        assertThat(out.get(3)).isSameAs(c.lines().get(2));
        assertThat(out.get(4)).isSameAs(c.lines().get(5));
    }

    @Test
    void legacyKeyMigrationKeepsUntouchedLinesAsTheSameObjects() {
        // the editor renames the key of one line in place, so untouched lines are the same objects
        LxcConfig c = lxc("# note\nlxc.utsname = web\nlxc.tty.max = 4\n");
        Migration m = c.migrate();
        assertThat(m.config().render()).isEqualTo("# note\nlxc.uts.name = web\nlxc.tty.max = 4\n");
        assertThat(m.config().lines().get(0)).isEqualTo(c.lines().get(0)).isSameAs(c.lines().get(0));
        assertThat(m.config().lines().get(2).text()).isEqualTo(c.lines().get(2).text());
    }
}
