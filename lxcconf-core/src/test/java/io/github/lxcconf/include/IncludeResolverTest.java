package io.github.lxcconf.include;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncludeResolverTest {
    private static final String UPSTREAM = "/corpus/lxc/lxc-upstream/";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Path copy(String resource, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(UPSTREAM + resource)) {
            assertThat(in).as(resource).isNotNull();
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    private static List<String> values(EffectiveConfig eff, String key) {
        return eff.values(key).stream().map(EffectiveValue::value).toList();
    }

    @Test
    void relativeFileIncludeResolvesAgainstTheBaseDirectoryAndKeepsProvenance() throws IOException {
        write("sub/child.conf", "# child\nlxc.uts.name = child\nlxc.mount.entry = a b none bind 0 0\n");
        LxcConfig root = LxcConfig.parse("lxc.include = sub/child.conf\nlxc.mount.entry = c d none bind 0 0\n");
        EffectiveConfig eff = root.effective(dir);
        assertThat(eff.diagnostics()).isEmpty();
        assertThat(eff.files()).hasSize(2);
        assertThat(eff.files().get(1).depth()).isEqualTo(1);
        assertThat(eff.files().get(1).includedFrom()).contains(new Provenance("<string>", 1));
        assertThat(eff.value("lxc.uts.name").orElseThrow().provenance())
                .isEqualTo(new Provenance(dir.resolve("sub/child.conf").toString(), 2));
        assertThat(eff.value("lxc.uts.name").orElseThrow().provenance().toString()).isEqualTo("child.conf line 2");
        assertThat(values(eff, "lxc.mount.entry")).containsExactly("a b none bind 0 0", "c d none bind 0 0");
    }

    @Test
    void missingFileIsAnErrorAtTheIncludeLineEarlierLinesStayAndLoadingStops() {
        LxcConfig root = LxcConfig.reader().sourceName("config")
                .parse("lxc.uts.name = a\nlxc.include = nothere.conf\nlxc.uts.name = b\nlxc.tty.max = 4\n");
        EffectiveConfig eff = root.effective(dir);
        assertThat(eff.diagnostics()).hasSize(1);
        Diagnostic d = eff.diagnostics().get(0);
        assertThat(d.code()).isEqualTo(DiagnosticCode.INC_MISSING_FILE);
        assertThat(d.isError()).isTrue();
        assertThat(d.toString()).isEqualTo("config:2:15: error: included file nothere.conf does not exist [INC001]");
        assertThat(eff.stoppedBy()).contains(d);
        assertThat(values(eff, "lxc.uts.name")).containsExactly("a");
        assertThat(values(eff, "lxc.tty.max")).isEmpty();
        assertThat(eff.toString()).isEqualTo("EffectiveConfig[1 files, 1 values, loading stops at config line 2]");
    }

    /** Where a missing include sits, and what is in effect afterwards. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '!', textBlock = """
            in the root, first line                ! lxc.include = gone.conf|lxc.apparmor.raw = root                         ! <root>:1     ! ''
            in the root, after a good include      ! lxc.include = good.conf|lxc.include = gone.conf|lxc.apparmor.raw = root ! <root>:2     ! good
            in an included file stops its includer ! lxc.include = bad.conf|lxc.apparmor.raw = root                          ! bad.conf:2   ! bad-before
            in a directory include stops the rest  ! lxc.include = d/|lxc.apparmor.raw = root                                ! 2-bad.conf:2 ! 1-good;2-bad
            no missing file                        ! lxc.include = good.conf|lxc.apparmor.raw = root                         ! ''           ! good;root
            missing directory is fine              ! lxc.include = nodir/|lxc.apparmor.raw = root                            ! ''           ! root
            """)
    void linesBelowAMissingIncludeDoNotApply(String name, String root, String stop, String applied) throws IOException {
        write("good.conf", "lxc.apparmor.raw = good\n");
        write("bad.conf", "lxc.apparmor.raw = bad-before\nlxc.include = gone.conf\nlxc.apparmor.raw = bad-after\n");
        write("d/1-good.conf", "lxc.apparmor.raw = 1-good\n");
        write("d/2-bad.conf", "lxc.apparmor.raw = 2-bad\nlxc.include = gone.conf\nlxc.apparmor.raw = 2-bad-after\n");
        write("d/3-late.conf", "lxc.apparmor.raw = 3-late\n");
        EffectiveConfig eff = LxcConfig.parse(root.strip().replace('|', '\n') + "\n").effective(dir);
        assertThat(String.join(";", values(eff, "lxc.apparmor.raw"))).isEqualTo(applied.strip());
        String where = eff.stoppedBy().map(d -> {
            String file = d.source().equals("<string>") ? "<root>" : Path.of(d.source()).getFileName().toString();
            return file + ":" + d.line();
        }).orElse("");
        assertThat(where).isEqualTo(stop.strip());
        eff.stoppedBy().ifPresent(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.INC_MISSING_FILE);
            assertThat(eff.diagnostics()).containsExactly(d);
            assertThat(eff.files()).noneMatch(f -> f.path().map(x -> x.endsWith("3-late.conf")).orElse(false));
        });
    }

    @Test
    void lineWithoutEqualsSignStopsLoadingInTheRootAndInIncludedFiles() throws IOException {
        write("colon.conf", "lxc.apparmor.raw = before\nlxc.apparmor.profile: unconfined\nlxc.apparmor.raw = after\n");
        EffectiveConfig eff = LxcConfig.reader().sourceName("config")
                .parse("lxc.include = colon.conf\nlxc.tty.max = 4\n").effective(dir);
        Diagnostic stop = eff.stoppedBy().orElseThrow();
        assertThat(stop.code()).isEqualTo(DiagnosticCode.LXC_INVALID_LINE);
        assertThat(stop.source()).isEqualTo(dir.resolve("colon.conf").toString());
        assertThat(stop.line()).isEqualTo(2);
        assertThat(eff.diagnostics()).contains(stop);
        assertThat(values(eff, "lxc.apparmor.raw")).containsExactly("before");
        assertThat(values(eff, "lxc.tty.max")).isEmpty();

        LxcConfig root = LxcConfig.reader().sourceName("config").parse("lxc.tty.max = 1\nlxc.uts.name web\nlxc.tty.max = 2\n");
        EffectiveConfig own = root.effective(dir);
        assertThat(own.stoppedBy()).contains(root.diagnostics().get(0));
        assertThat(own.stoppedBy().orElseThrow().line()).isEqualTo(2);
        assertThat(values(own, "lxc.tty.max")).containsExactly("1");

        // Proxmox writes raw keys as 'lxc.key: value' and turns them into 'lxc.key = value' itself
        EffectiveConfig pve = LxcConfig.reader().dialect(io.github.lxcconf.Dialect.PROXMOX)
                .parse("arch: amd64\nlxc.tty.max: 3\nlxc.apparmor.profile: unconfined\n").effective(dir);
        assertThat(pve.stoppedBy()).isEmpty();
        assertThat(values(pve, "lxc.apparmor.profile")).containsExactly("unconfined");
    }

    @Test
    void missingDirectoryIsFine() {
        EffectiveConfig eff = LxcConfig.parse("lxc.include = incdir_missing/\nlxc.tty.max = 2\n").effective(dir);
        assertThat(eff.diagnostics()).isEmpty();
        assertThat(eff.files()).hasSize(1);
        assertThat(values(eff, "lxc.tty.max")).containsExactly("2");
    }

    @Test
    void directoryIncludeReadsConfFilesSortedByName() throws IOException {
        write("incdir/b.conf", "lxc.apparmor.raw = from b\n");
        write("incdir/a.conf", "lxc.apparmor.raw = from a\n");
        write("incdir/.conf", "lxc.apparmor.raw = hidden, too short\n");
        write("incdir/c.conf.bak", "lxc.apparmor.raw = not conf\n");
        write("incdir/notes.txt", "lxc.apparmor.raw = not conf either\n");
        Files.createDirectories(dir.resolve("incdir/d.conf"));
        // without the trailing slash: an existing directory is a directory include too
        EffectiveConfig eff = LxcConfig.parse("lxc.include = incdir\n").effective(dir);
        assertThat(eff.diagnostics()).isEmpty();
        assertThat(values(eff, "lxc.apparmor.raw")).containsExactly("from a", "from b");
        assertThat(eff.files()).extracting(f -> f.path().map(p -> p.getFileName().toString()).orElse("root"))
                .containsExactly("root", "a.conf", "b.conf");
    }

    @Test
    void cycleIsReportedWithTheChain() throws IOException {
        Path a = write("a.conf", "lxc.include = b.conf\nlxc.uts.name = a\n");
        write("b.conf", "lxc.include = a.conf\n");
        EffectiveConfig eff = LxcConfig.parse(a).effective(dir);
        assertThat(eff.diagnostics()).hasSize(1);
        Diagnostic d = eff.diagnostics().get(0);
        assertThat(d.code()).isEqualTo(DiagnosticCode.INC_CYCLE);
        assertThat(d.source()).isEqualTo(dir.resolve("b.conf").toString());
        assertThat(d.message()).isEqualTo("include cycle: " + a.toAbsolutePath().normalize() + " -> "
                + dir.resolve("b.conf").toAbsolutePath().normalize() + " -> " + a.toAbsolutePath().normalize());
        assertThat(values(eff, "lxc.uts.name")).containsExactly("a");
    }

    @Test
    void selfIncludeFromTextIsCaughtOneLevelLater() throws IOException {
        write("self.conf", "lxc.include = self.conf\n");
        EffectiveConfig eff = LxcConfig.parse("lxc.include = self.conf\n").effective(dir);
        assertThat(eff.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.INC_CYCLE);
        assertThat(eff.files()).hasSize(2);
    }

    @Test
    void depthIsCapped() throws IOException {
        for (int i = 1; i <= 5; i++) {
            write("f" + i + ".conf", "lxc.include = f" + (i + 1) + ".conf\nlxc.apparmor.raw = " + i + "\n");
        }
        write("f6.conf", "lxc.apparmor.raw = 6\n");
        EffectiveConfig eff = IncludeResolver.resolve(LxcConfig.parse("lxc.include = f1.conf\n"), dir, 3);
        assertThat(eff.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.INC_TOO_DEEP);
        assertThat(eff.diagnostics().get(0).message()).startsWith("includes nested deeper than 3: ")
                .endsWith("f3.conf -> " + dir.resolve("f4.conf").toAbsolutePath().normalize());
        assertThat(values(eff, "lxc.apparmor.raw")).containsExactly("3", "2", "1");
        assertThat(IncludeResolver.resolve(LxcConfig.parse("lxc.include = f1.conf\n"), dir).diagnostics()).isEmpty();
    }

    @Test
    void upstreamCommonConfDeniesEveryDeviceAndTheContainerAllowsKvmBack() throws IOException {
        copy("head/templates/common.conf", "common.conf");
        LxcConfig root = LxcConfig.reader().sourceName("config").parse(
                "lxc.include = common.conf\nlxc.cgroup2.devices.allow = c 10:232 rwm\n");
        EffectiveConfig eff = root.effective(dir);
        assertThat(eff.diagnostics()).isEmpty(); // @LXCTEMPLATECONFIG@/common.conf.d/ is a missing directory
        EffectiveValue deny = eff.value("lxc.cgroup2.devices.deny").orElseThrow();
        assertThat(deny.value()).isEqualTo("a");
        assertThat(deny.provenance().toString()).isEqualTo("common.conf line 21");
        List<EffectiveValue> allow = eff.values("lxc.cgroup2.devices.allow");
        assertThat(allow).hasSize(13);
        assertThat(allow.get(12).value()).isEqualTo("c 10:232 rwm");
        assertThat(allow.get(12).provenance()).isEqualTo(new Provenance("config", 2));
        assertThat(values(eff, "lxc.cap.drop")).containsExactly("mac_admin mac_override sys_time sys_module sys_rawio");
    }

    @Test
    void userNamespaceConfClearsTheDeviceListsOfCommonConf() throws IOException {
        for (String version : List.of("head", "v6.0.6")) {
            Path d = Files.createDirectories(dir.resolve(version));
            copy(version + "/templates/common.conf", version + "/common.conf");
            copy(version + "/templates/userns.conf", version + "/userns.conf");
            EffectiveConfig eff = LxcConfig.parse("lxc.include = common.conf\nlxc.include = userns.conf\n"
                    + "lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file\n").effective(d);
            assertThat(eff.diagnostics()).as(version).isEmpty();
            assertThat(eff.values("lxc.cgroup2.devices.allow")).as(version).isEmpty();
            assertThat(eff.values("lxc.cgroup2.devices.deny")).as(version).isEmpty();
            assertThat(eff.values("lxc.cap.drop")).as(version).isEmpty();
            assertThat(eff.values("lxc.tty.dir")).as(version).isEmpty();
            assertThat(values(eff, "lxc.mount.auto")).as(version)
                    .containsExactly("cgroup:mixed proc:mixed sys:mixed", "sys:rw");
            assertThat(values(eff, "lxc.mount.entry")).as(version).containsExactly(
                    "/sys/fs/fuse/connections sys/fs/fuse/connections none bind,optional 0 0",
                    "/dev/net/tun dev/net/tun none bind,create=file");
            assertThat(eff.value("lxc.pty.max").orElseThrow().provenance().toString()).isEqualTo("common.conf line 7");
        }
        // only v6.0.6 still writes the cgroup v1 rules, and its userns.conf clears them too
        Path v6 = dir.resolve("v6.0.6");
        EffectiveConfig common = LxcConfig.parse("lxc.include = common.conf\n").effective(v6);
        assertThat(common.value("lxc.cgroup.devices.deny").orElseThrow().provenance().toString())
                .isEqualTo("common.conf line 21");
        assertThat(common.value("lxc.cgroup2.devices.deny").orElseThrow().provenance().toString())
                .isEqualTo("common.conf line 50");
    }

    @Test
    void worksOnAnyFileSystem() throws IOException {
        Path zip = dir.resolve("conf.zip");
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip,
                java.util.Map.of("create", "true"))) {
            Path base = fs.getPath("/etc/lxc");
            Files.createDirectories(base.resolve("conf.d"));
            Files.writeString(base.resolve("conf.d/10-net.conf"), "lxc.net.0.type = veth\n");
            Files.writeString(base.resolve("conf.d/20-net.conf"), "lxc.net.0.type = macvlan\n");
            EffectiveConfig eff = LxcConfig.parse("lxc.include = conf.d/\n").effective(base);
            assertThat(eff.diagnostics()).isEmpty();
            assertThat(eff.value("lxc.net.0.type").orElseThrow().toString())
                    .isEqualTo("lxc.net.0.type = macvlan (20-net.conf line 1)");
        }
    }
}
