package io.github.lxcconf.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("the diagnostics of validate() are explained on the lines they concern")
class DiagnosticsInExplanationTest {

    @TempDir
    Path dir;

    private static List<String> sentences(String text, int line) {
        return LxcConfig.parse(text).explain().line(line).orElseThrow().sentences();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            native legacy key, error  | lxc.utsname = web | 1 | liblxc refuses this at load: Unsupported config key \"lxc.utsname\": the name was retired in LXC 2.1 and liblxc 3.0 and later refuse it.
            native legacy key, hint   | lxc.utsname = web | 1 | Hint: use 'lxc.uts.name' instead.
            unknown key, did you mean | lxc.uts.nme = web | 1 | Hint: did you mean 'lxc.uts.name'?
            set twice, warning        | lxc.uts.name = a\\nlxc.uts.name = b | 1 | Warning: 'lxc.uts.name' is set again on line 2; liblxc keeps only the last value, so 'a' is ignored.
            list cleared, note        | lxc.cap.drop = sys_time\\nlxc.cap.drop = | 2 | Note: empty 'lxc.cap.drop' clears the 1 value(s) set above it.
            inline comment, warning   | lxc.tty.max = 4 # four | 1 | Warning: '# four' is part of the value: liblxc has no inline comments.
            absolute mount target     | lxc.mount.entry = /srv srv2 none bind 0 0\\nlxc.mount.entry = /srv /srv none bind 0 0 | 2 | Warning: the target '/srv' is absolute and this config sets no lxc.rootfs.path: LXC mounts it at that path on the host for a container without a root filesystem, and skips it where the root filesystem is set elsewhere unless the target contains its path.
            Proxmox refused raw key   | arch: amd64\\nlxc.rootfs.path: /x | 2 | Error: Proxmox refuses 'lxc.rootfs.path' (\"lxc.rootfs.path is auto generated from rootfs\") and drops the line on its next write.
            Proxmox, liblxc value     | arch: amd64\\nlxc.idmap: u 0 100000 | 2 | The container would fail to start:
            """)
    void sentencesByKind(String what, String text, int line, String expected) {
        List<String> s = sentences(text.replace("\\n", "\n") + "\n", line);
        if (expected.endsWith(":")) {
            assertThat(s).as(what).anyMatch(x -> x.startsWith(expected));
        } else {
            assertThat(s).as(what).contains(expected);
        }
    }

    @Test
    @DisplayName("a diagnostic that both the typed view and validate() report is explained once")
    void noDuplicate() {
        LxcConfig config = LxcConfig.parse("lxc.cap.drop = sys_admn\n");
        Diagnostic fromView = config.lxc().diagnostics().get(0);
        assertThat(fromView.code()).isEqualTo(DiagnosticCode.LXC_CAPABILITY);
        assertThat(config.validate().diagnostics()).contains(fromView);
        List<String> s = config.explain().line(1).orElseThrow().sentences();
        assertThat(s.stream().filter(x -> x.contains("unknown capability 'sys_admn'"))).hasSize(1);
        assertThat(s).contains("liblxc refuses this at load: unknown capability 'sys_admn' in lxc.cap.drop;"
                + " liblxc refuses the file.", "Hint: did you mean 'sys_admin'?");
    }

    @Test
    @DisplayName("two different problems of one code on one line are both explained")
    void twoProblemsOneCode() {
        List<String> s = sentences("lxc.cap.drop = foo_cap bar_cap\n", 1);
        assertThat(s).anyMatch(x -> x.contains("'foo_cap'")).anyMatch(x -> x.contains("'bar_cap'"));
    }

    @Test
    @DisplayName("a line liblxc cannot read is not explained twice with its own diagnostic")
    void unknownLineOnce() {
        List<String> s = sentences("lxc.uts.name\n", 1);
        assertThat(s.get(0)).startsWith("This line is neither a setting, a comment nor a section header");
        assertThat(s).noneMatch(x -> x.startsWith("liblxc refuses this at load"));
    }

    @Test
    @DisplayName("with includes resolved, a missing included file is explained on its lxc.include line")
    void missingInclude() {
        LxcConfig config = LxcConfig.parse("lxc.uts.name = web\nlxc.include = gone.conf\n");
        List<String> s = config.explain(dir).line(2).orElseThrow().sentences();
        assertThat(s).anyMatch(x -> x.startsWith("liblxc refuses this at load: included file")
                && x.contains("gone.conf does not exist"));
        assertThat(config.explain().line(2).orElseThrow().sentences())
                .noneMatch(x -> x.startsWith("liblxc refuses this at load"));
    }

    @Test
    @DisplayName("a clean line gets no problem sentence")
    void clean() {
        assertThat(sentences("lxc.uts.name = web\n", 1)).containsExactly("The container's hostname is web.");
    }
}
