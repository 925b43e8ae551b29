package io.github.lxcconf.include;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void missingFileIsAnErrorAtTheIncludeLineAndEarlierLinesStay() {
        LxcConfig root = LxcConfig.reader().sourceName("config")
                .parse("lxc.uts.name = a\nlxc.include = nothere.conf\n");
        EffectiveConfig eff = root.effective(dir);
        assertThat(eff.diagnostics()).hasSize(1);
        Diagnostic d = eff.diagnostics().get(0);
        assertThat(d.code()).isEqualTo(DiagnosticCode.INC_MISSING_FILE);
        assertThat(d.isError()).isTrue();
        assertThat(d.toString()).isEqualTo("config:2:15: error: included file nothere.conf does not exist [INC001]");
        assertThat(values(eff, "lxc.uts.name")).containsExactly("a");
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
