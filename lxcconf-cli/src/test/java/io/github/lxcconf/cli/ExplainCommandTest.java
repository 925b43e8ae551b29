package io.github.lxcconf.cli;

import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainCommandTest {

    @Test
    void jsonTextWrittenInPiecesIsEscapedAsOneString() {
        String text = "a\uD83D\uDE00b\uD800c\"\u2028\\\u0001\uDC00\uD800";
        assertThat(Json.string(text)).isEqualTo("\"a\uD83D\uDE00b\\ud800c\\\"\\u2028\\\\\\u0001\\udc00\\ud800\"");
        for (int cut = 0; cut <= text.length(); cut++) {
            StringBuilder out = new StringBuilder("\"");
            Json.Chars chars = new Json.Chars(out);
            chars.append(text, 0, cut);
            chars.append(text.substring(cut));
            chars.finish();
            assertThat(out.append('"').toString()).as("cut at %d", cut).isEqualTo(Json.string(text));
        }
    }


    @Test
    void theSummaryIsWrittenAsItsLinesWouldBeInAnyPieces() {
        for (String text : new String[] {"a\nb\n", "a\r\nb\rc\n", "x\u0001y\n\n", "\r\n\r\r\n", "tab\there\u009b\n"}) {
            StringBuilder expected = new StringBuilder();
            text.lines().forEach(l -> expected.append(Style.visible(l)).append('\n'));
            for (int cut = 0; cut <= text.length(); cut++) {
                java.io.StringWriter sink = new java.io.StringWriter();
                java.io.PrintWriter out = new java.io.PrintWriter(sink);
                ExplainCommand.VisibleLines lines = new ExplainCommand.VisibleLines(out);
                lines.append(text, 0, cut);
                for (int i = cut; i < text.length(); i++) {
                    lines.append(text.charAt(i));
                }
                out.flush();
                assertThat(sink.toString()).as("%s cut at %d", text, cut).isEqualTo(expected.toString());
            }
        }
    }


    @Test
    void lineNumbersAreRightAlignedAsFormatterAlignsThem() {
        for (int n : new int[] {0, 1, 9, 10, 99, 100, 999, 1000, 123456}) {
            org.assertj.core.api.Assertions.assertThat(ExplainCommand.lineNumber(n))
                    .isEqualTo(String.format("%3d", n));
        }
    }

    @Test
    void explainsEveryLineThenTheSummary(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("explain", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        String expected = LxcConfig.reader().sourceName(file.toString()).parse(CliRun.read(file)).explain().toText();
        assertThat(r.out()).isEqualTo(expected)
                .startsWith("  1 | arch: amd64\n    The container's programs are built for amd64 (64-bit x86).\n")
                .contains(" 13 | lxc.cgroup.devices.allow: c 10:232 rwm\n")
                .contains("\nSummary\n-------\n");
    }

    @Test
    void readsStandardInput(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun fromFile = CliRun.run("explain", file.toString());
        CliRun fromStdin = CliRun.withStdin(CliRun.read(file), "explain", "-");
        assertThat(fromStdin.status()).isZero();
        assertThat(fromStdin.out()).isEqualTo(fromFile.out());
    }

    @Test
    void explainsANativeLxcConfig(@TempDir Path dir) {
        Path file = CliRun.copy("lxc-2.0-veth.conf", dir);
        CliRun r = CliRun.run("explain", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("  3 | lxc.utsname = beta\n").contains("\nSummary\n");
    }

    @Test
    void includeBaseFollowsIncludes(@TempDir Path dir) {
        CliRun.write(dir, "common.conf", "lxc.cgroup2.devices.deny = a\n");
        Path file = CliRun.write(dir, "config", "lxc.include = common.conf\nlxc.cgroup2.devices.allow = c 10:232 rwm\n");
        CliRun without = CliRun.run("explain", file.toString());
        CliRun with = CliRun.run("explain", "--include-base", dir.toString(), file.toString());
        assertThat(with.status()).isZero();
        assertThat(with.out()).isNotEqualTo(without.out()).contains("common.conf");
    }

    @Test
    void controlCharactersOfTheConfigCannotReachTheTerminal(@TempDir Path dir) {
        // ESC ]0; retitles a terminal, ESC [2J clears it: a config must not be able to do either
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\u001b]0;owned\u0007\n# \u001b[2Jcomment\n");
        CliRun explain = CliRun.run("explain", file.toString());
        assertThat(explain.status()).isZero();
        assertThat(explain.out()).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("  1 | lxc.uts.name = web\\x1b]0;owned\\x07\n")
                .contains("  2 | # \\x1b[2Jcomment\n");
        CliRun lint = CliRun.run("lint", file.toString());
        assertThat(lint.out()).doesNotContain("\u001b").doesNotContain("\u0007").contains("U+001B");
    }

    @Test
    void visibleKeepsTabsAndPrintableTextAndShowsTheRest() {
        assertThat(Style.visible("a\tb c")).isEqualTo("a\tb c");
        assertThat(Style.visible("x\u0000y\u007fz\u009bw\r")).isEqualTo("x\\x00y\\x7fz\\x9bw\\x0d");
        assertThat(Style.visible("café ✓")).isEqualTo("café ✓");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesEveryLineAndTheSummary(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("explain", "--format", "json", file.toString());
        assertThat(r.status()).isZero();
        java.util.Map<String, Object> json = (java.util.Map<String, Object>) MiniJson.parse(r.out());
        assertThat(json.get("file")).isEqualTo(file.toString());
        java.util.List<Object> lines = (java.util.List<Object>) json.get("lines");
        assertThat(lines).hasSize(17);
        java.util.Map<String, Object> line13 = (java.util.Map<String, Object>) lines.get(12);
        assertThat(line13.get("line")).isEqualTo(13L);
        assertThat(line13.get("text")).isEqualTo("lxc.cgroup.devices.allow: c 10:232 rwm");
        assertThat((java.util.List<Object>) line13.get("explanation"))
                .contains("10:232 is /dev/kvm (hardware virtualisation: lets QEMU run virtual machines with KVM"
                        + " acceleration).");
        java.util.Map<String, Object> summary = (java.util.Map<String, Object>) json.get("summary");
        assertThat(summary.get("unprivileged")).isEqualTo(false);
        assertThat((java.util.List<Object>) summary.get("devices")).hasSize(2);
        assertThat((String) summary.get("text")).startsWith("Privileged container");
        java.util.List<Object> verdicts = (java.util.List<Object>) summary.get("deviceVerdicts");
        assertThat(verdicts).hasSize(2);
        java.util.Map<String, Object> kvm = (java.util.Map<String, Object>) verdicts.get(0);
        assertThat(kvm).containsEntry("line", 13L).containsEntry("rule", "lxc.cgroup.devices.allow = c 10:232 rwm")
                .containsEntry("device", "character device 10:232 (/dev/kvm)").containsEntry("access", "rw")
                .containsEntry("host", "cgroup2").containsEntry("granted", false)
                .containsEntry("reason", "the device program is an allowlist and no rule allows it");
        assertThat((java.util.List<Object>) kvm.get("lines")).first().asString()
                .endsWith(":13: lxc.cgroup.devices.allow = c 10:232 rwm <- ignored: a cgroup v1 key on a pure cgroup2 host");
        java.util.List<Object> mounts = (java.util.List<Object>) summary.get("mounts");
        assertThat(mounts).singleElement().satisfies(m -> assertThat((java.util.Map<String, Object>) m)
                .containsEntry("line", 17L).containsEntry("key", "lxc.mount.entry")
                .containsEntry("source", "/dev/net/tun").containsEntry("target", "dev/net/tun")
                .containsEntry("readOnly", false));
        // on a hybrid host the same rule grants it
        java.util.Map<String, Object> hybrid = (java.util.Map<String, Object>) MiniJson.parse(CliRun.run("explain",
                "--format", "json", "--host-cgroup", "hybrid", file.toString()).out());
        assertThat((java.util.List<Object>) ((java.util.Map<String, Object>) hybrid.get("summary")).get("deviceVerdicts"))
                .first().satisfies(v -> assertThat((java.util.Map<String, Object>) v).containsEntry("host", "hybrid")
                        .containsEntry("granted", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesTheCapabilitiesAsObjectsWithTheLineThatNamesEach(@TempDir Path dir) throws java.io.IOException {
        Path common = CliRun.write(dir, "common.conf", "lxc.cap.drop = mac_admin sys_time\n");
        Path file = CliRun.write(dir, "config", "lxc.include = common.conf\nlxc.uts.name = web\n"
                + "lxc.cap.drop = 12 sys_time\n");
        CliRun r = CliRun.run("explain", "--format", "json", "--include-base", dir.toString(), file.toString());
        assertThat(r.status()).isZero();
        java.util.Map<String, Object> summary = (java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                MiniJson.parse(r.out())).get("summary");
        assertThat((java.util.List<Object>) summary.get("capabilitySettings")).containsExactly(
                java.util.Map.of("name", "mac_admin", "number", 33L, "kept", false, "file", common.toString(), "line", 1L),
                java.util.Map.of("name", "sys_time", "number", 25L, "kept", false, "file", file.toString(), "line", 3L),
                java.util.Map.of("name", "net_admin", "number", 12L, "kept", false, "file", file.toString(), "line", 3L));
        // the same answer as the text items, which stay as they were
        assertThat((java.util.List<Object>) summary.get("capabilities"))
                .contains("the included files drop: mac_admin, sys_time (common.conf line 1)");

        // includes not read: the config's own lines; a keep list keeps
        Path keep = CliRun.write(dir, "keep.conf", "lxc.cap.keep = sys_admin\n");
        java.util.Map<String, Object> kept = (java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                MiniJson.parse(CliRun.run("explain", "--format", "json", keep.toString()).out())).get("summary");
        assertThat((java.util.List<Object>) kept.get("capabilitySettings")).containsExactly(
                java.util.Map.of("name", "sys_admin", "number", 21L, "kept", true, "file", keep.toString(), "line", 1L));
        Path none = CliRun.write(dir, "none.conf", "lxc.uts.name = web\n");
        assertThat(CliRun.run("explain", "--format", "json", none.toString()).out()).contains("\"capabilitySettings\": []");
    }

    @Test
    void explainsForTheHostAndReleaseLineItIsGiven(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        String kvm = "  - lxc.cgroup.devices.allow c 10:232 rwm: /dev/kvm, read, write and mknod (create the device node); ";
        assertThat(CliRun.run("explain", file.toString()).out())
                .contains(kvm + "on a Proxmox VE 7+ node (pure cgroup2) (rw): denied, because line 13 is a cgroup v1"
                        + " key, which a cgroup2 host ignores; fixed by 'dev1: /dev/kvm' (Proxmox VE 8.1 and later;"
                        + " Proxmox also creates the device node) or by 'lxc.cgroup2.devices.allow: c 10:232 rwm'\n");
        CliRun hybrid = CliRun.run("explain", "--host-cgroup", "hybrid", file.toString());
        assertThat(hybrid.status()).isZero();
        assertThat(hybrid.out()).contains(kvm + "on a hybrid host with a cgroup v1 devices controller (rw): granted\n")
                .doesNotContain("[VAL004]").doesNotContain("pure cgroup2) (rw)");
        // LXC 7.0 refuses cgroup v1 keys: the line's explanation carries lint's error
        CliRun seven = CliRun.run("explain", "--lxc-version", "7.0", file.toString());
        assertThat(seven.out()).contains("LXC 7.0 no longer reads cgroup v1 keys");
        assertThat(CliRun.run("explain", file.toString()).out()).doesNotContain("LXC 7.0 no longer reads");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsProxmoxMountPointsOfHostPaths(@TempDir Path dir) {
        Path file = CliRun.write(dir, "105.conf", "arch: amd64\nmp0: /srv/data,mp=/data,ro=1\n"
                + "mp1: local-lvm:vm-105-disk-1,mp=/var/lib/db\n");
        java.util.Map<String, Object> json = (java.util.Map<String, Object>) MiniJson.parse(
                CliRun.run("explain", "--format", "json", file.toString()).out());
        java.util.List<Object> mounts = (java.util.List<Object>) ((java.util.Map<String, Object>) json.get("summary"))
                .get("mounts");
        // the storage volume is not a host path
        assertThat(mounts).singleElement().satisfies(m -> assertThat((java.util.Map<String, Object>) m)
                .containsEntry("line", 2L).containsEntry("key", "mp0").containsEntry("source", "/srv/data")
                .containsEntry("target", "/data").containsEntry("readOnly", true));
    }
}
