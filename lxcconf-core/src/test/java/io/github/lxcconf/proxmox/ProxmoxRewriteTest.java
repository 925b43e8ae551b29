package io.github.lxcconf.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rewrite's rules one by one, and the diagnostics that announce it. */
class ProxmoxRewriteTest {
    private static ProxmoxRewrite rewrite(String name, String text) {
        return ProxmoxRewrite.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> rewrites() {
        return Stream.of(
                Arguments.of("empty file", "", ""),
                Arguments.of("blank lines only", "\n \n\t\n", ""),
                Arguments.of("options sorted as byte strings", "net2: a\nnet10: b\nmp1: c\n",
                        "mp1: c\nnet10: b\nnet2: a\n"),
                Arguments.of("booleans and integers normalised", "onboot: yes\nmemory: 0512\n",
                        "memory: 512\nonboot: 1\n"),
                Arguments.of("failed checks keep the raw value", "swap: 512 # x\ncores: +2\n",
                        "cores: +2\nswap: 512 # x\n"),
                Arguments.of("comment moves to the top", "arch: amd64\n# note: 50%\n",
                        "# note%3A 50%25\narch: amd64\n"),
                Arguments.of("= becomes ': ', empty raw value keeps the space", "lxc.cap.drop=\nlxc.autodev = 1\n",
                        "lxc.cap.drop: \nlxc.autodev: 1\n"),
                Arguments.of("environment.runtime ahead of raw lines, env option last wins",
                        "lxc.autodev: 1\nlxc.environment.runtime: A=1\nlxc.environment.runtime = B=2\n",
                        "lxc.environment.runtime: A=1\nlxc.environment.runtime: B=2\nlxc.autodev: 1\n"),
                Arguments.of("refused raw keys dropped", "lxc.rootfs.path: /x\nlxc.tty.dir: lxc\nlxc.net.0.type: veth\n",
                        "lxc.net.0.type: veth\n"),
                Arguments.of("main snapstate removed, internal keys skipped", "snapstate: prepare\ndigest: x\narch: a\n",
                        "arch: a\n"),
                Arguments.of("pending first, snapshots by name, empty snapshot bare, empty pending dropped",
                        "arch: a\n[zz]\n[b1]\nmemory: 1\n[pve:pending]\n", "arch: a\n\n[b1]\nmemory: 1\n\n[zz]\n"),
                Arguments.of("second snapshot of a name wins", "[s1]\nmemory: 1\n[s1]\nmemory: 2\n",
                        "\n[s1]\nmemory: 2\n"),
                Arguments.of("pending with only a description is kept", "[PVE:PENDING]\n#x\n",
                        "\n[pve:pending]\n#x\n"),
                Arguments.of("unused still in use dropped", "rootfs: local:vm-1-disk-0\nunused0: local:vm-1-disk-0\n"
                        + "unused1: local:vm-1-disk-1\n", "rootfs: local:vm-1-disk-0\nunused1: local:vm-1-disk-1\n"),
                Arguments.of("CR of a comment becomes %0D, a lone CR value stays", "#a\r\nswap: \r\n",
                        "#a%0D\nswap: \r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrites")
    void rewritesAsProxmox(String name, String input, String expected) {
        assertThat(rewrite("100.conf", input).text()).isEqualTo(expected);
    }

    @Test
    @DisplayName("warnings carry the VMID of the file name, else 100, in file order")
    void warnings() {
        String text = "Cores: 2\nlxc.foo: 1\nlxc.utsname: x\ndelete: a\n";
        assertThat(rewrite("/etc/pve/lxc/205.conf", text).warnings()).containsExactly(
                "vm 205 - unable to parse config: Cores: 2",
                "vm 205 - unable to parse config: lxc.foo: 1",
                "vm 205 - lxc.utsname is deprecated and was renamed to lxc.uts.name",
                "vm 205 - property 'delete' is only allowed in [pve:pending]");
        assertThat(rewrite("ct.conf", text).vmid()).isEqualTo(100);
        assertThat(rewrite("x/12.conf.bak", text).vmid()).isEqualTo(100);
    }

    @Test
    @DisplayName("a property-string format error is one warning with one line per bad field")
    void formatError() {
        assertThat(rewrite("100.conf", "net0: name=eth0,foo=bar\n").warnings()).containsExactly(
                "vm 100 - unable to parse value of 'net0' - format error\nfoo: property is not defined in schema and"
                        + " the schema does not allow additional properties");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(Arguments.of("pending: y\n", "pending"), Arguments.of("snapshots: y\n", "snapshots"),
                Arguments.of("lxc: y\n", "lxc"), Arguments.of("[s1]\nlxc: y\n", "lxc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    @DisplayName("an internal key stored as a plain string makes Proxmox's writer crash: refused")
    void refused(String text, String key) {
        ProxmoxRewrite r = rewrite("100.conf", "arch: amd64\n" + text);
        assertThat(r.refusal()).hasValue("Proxmox cannot write this config: its writer crashes on the option '" + key
                + "', which it stores as a plain string; remove that line");
        assertThatThrownBy(r::text).isInstanceOf(ProxmoxRewriteRefusedException.class)
                .hasMessage(r.refusal().get());
        assertThat(r.warnings()).contains("vm 100 - unable to parse value of '" + key + "' - unknown setting '" + key
                + "'");
    }

    @Test
    @DisplayName("a pending: string followed by a real [pve:pending] section does not crash")
    void pendingSectionReplacesTheString() {
        assertThat(rewrite("100.conf", "pending: y\n[pve:pending]\nmemory: 1\n").text())
                .isEqualTo("\n[pve:pending]\nmemory: 1\n");
    }

    record Expected(int line, DiagnosticCode code, String message) {
    }

    private static List<Expected> diagnostics(String text) {
        return rewrite("100.conf", text).diagnostics().stream()
                .map(d -> new Expected(d.line(), d.code(), d.message())).toList();
    }

    static Stream<Arguments> diagnosticCases() {
        String moves = "Proxmox will move this comment into the container's Notes (description) on its next write";
        String dropped = "Proxmox drops this raw key on its next write: ";
        return Stream.of(
                Arguments.of("comments at the top stay", "# a\n\n# b\narch: amd64\n",
                        List.of(new Expected(2, DiagnosticCode.PVE_BLANK_LINES_VANISH,
                                "Proxmox removes this blank line on its next write"))),
                Arguments.of("comment below a key moves", "arch: amd64\n# x\n",
                        List.of(new Expected(2, DiagnosticCode.PVE_COMMENT_MOVES, moves))),
                Arguments.of("comment in a snapshot below a key", "[s1]\n#top\narch: a\n#low\n",
                        List.of(new Expected(4, DiagnosticCode.PVE_COMMENT_MOVES,
                                "Proxmox will move this comment into the description of snapshot [s1] on its next"
                                        + " write"),
                                new Expected(4, DiagnosticCode.PVE_LINE_IN_SNAPSHOT,
                                        "this line is below [s1] and belongs to that snapshot, not to the running"
                                                + " container"))),
                Arguments.of("refused raw keys", "lxc.rootfs.path: /x\nlxc.sysctl.net.ipv4.ip_forward: 1\n",
                        List.of(new Expected(1, DiagnosticCode.PVE_LINE_DROPPED,
                                        dropped + "lxc.rootfs.path is auto generated from rootfs"),
                                new Expected(2, DiagnosticCode.PVE_LINE_DROPPED, dropped
                                        + "lxc.sysctl.net.ipv4.ip_forward is not a raw key Proxmox allows"))),
                Arguments.of("unparsable line", "arch: a\nhostname : x\n",
                        List.of(new Expected(2, DiagnosticCode.PVE_LINE_DROPPED,
                                "Proxmox drops this line on its next write: it cannot parse it"))),
                Arguments.of("two blank lines, one INFO", "arch: a\n\n\nmemory: 1\n",
                        List.of(new Expected(2, DiagnosticCode.PVE_BLANK_LINES_VANISH,
                                "Proxmox removes the 2 blank lines of this file on its next write"))),
                Arguments.of("raw lines appended after snaptime, not in main",
                        "arch: a\nlxc.autodev: 1\n\n[s1]\narch: a\nsnaptime: 1\nlxc.autodev: 1\n"
                                + "lxc.cgroup2.devices.allow: c 10:200 rwm\n",
                        List.of(new Expected(8, DiagnosticCode.PVE_LINE_IN_SNAPSHOT,
                                        "this line is below [s1] and belongs to that snapshot, not to the running"
                                                + " container"))),
                Arguments.of("options appended out of order after a snapshot",
                        "arch: a\n[s1]\narch: a\nsnaptime: 1\nonboot: 1\ntags: x\nlxc.autodev: 1\n",
                        List.of(new Expected(5, DiagnosticCode.PVE_LINE_IN_SNAPSHOT,
                                        "this line is below [s1] and belongs to that snapshot, not to the running"
                                                + " container"),
                                new Expected(6, DiagnosticCode.PVE_LINE_IN_SNAPSHOT,
                                        "this line is below [s1] and belongs to that snapshot, not to the running"
                                                + " container"),
                                new Expected(7, DiagnosticCode.PVE_LINE_IN_SNAPSHOT,
                                        "this line is below [s1] and belongs to that snapshot, not to the running"
                                                + " container"))),
                Arguments.of("a canonical snapshot gets nothing",
                        "arch: a\nlxc.autodev: 1\n\n[s1]\narch: a\nmemory: 1\nsnaptime: 1\nlxc.autodev: 1\n",
                        List.of()),
                Arguments.of("two blank lines before a header: both vanish, Proxmox writes one back",
                        "arch: a\n\n\n[s1]\n", List.of(new Expected(2, DiagnosticCode.PVE_BLANK_LINES_VANISH,
                                "Proxmox removes the 2 blank lines of this file on its next write"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("diagnosticCases")
    void diagnosticsOnTheRightLine(String name, String text, List<Expected> expected) {
        assertThat(diagnostics(text)).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("severities: warnings for what is lost or misplaced, INFO for blank lines; source is the file")
    void severities() {
        List<Diagnostic> d = rewrite("100.conf", "arch: a\n\n#x\nlxc.foo: 1\n").diagnostics();
        assertThat(d).extracting(Diagnostic::severity)
                .containsExactly(Severity.INFO, Severity.WARNING, Severity.WARNING);
        assertThat(d).allSatisfy(x -> assertThat(x.source()).isEqualTo("100.conf"));
    }

    @Test
    @DisplayName("LxcConfig.proxmoxRewrite() rewrites the parsed file")
    void accessor() {
        LxcConfig config = LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("101.conf")
                .parse("memory: 512\n# moved\narch: amd64\n".getBytes(StandardCharsets.UTF_8));
        assertThat(config.proxmoxRewrite().text()).isEqualTo("# moved\narch: amd64\nmemory: 512\n");
        assertThat(config.proxmoxRewrite().vmid()).isEqualTo(101);
    }
}
