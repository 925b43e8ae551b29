package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    @DisplayName("toString is compiler style: source:line:column: severity: message [code]")
    void format() {
        Diagnostic d = new Diagnostic(Severity.ERROR, DiagnosticCode.PVE_UNPARSABLE_LINE, "bad", Optional.of("fix"),
                "102.conf", 14, 27);
        assertThat(d).hasToString("102.conf:14:27: error: bad [PVE001]");
        assertThat(d.isError()).isTrue();
        assertThat(d).isEqualTo(new Diagnostic(Severity.ERROR, DiagnosticCode.PVE_UNPARSABLE_LINE, "bad",
                Optional.of("fix"), "102.conf", 14, 27));
    }

    @Test
    @DisplayName("a finding whose sentence is built from the lines when read equals the one built from strings")
    void builtWhenRead() {
        LxcConfig config = LxcConfig.parseText("""
                lxc.uts.name = a
                lxc.cgroup.devices.allow = c 10:232  rwm
                lxc.uts.name = b
                lxc.cgroup.devices.allow = c 10:232 rwm
                """);
        // (the double blank also gets LXC101: liblxc loads it, the container would not start)
        List<Diagnostic> found = config.validate().diagnostics().stream()
                .filter(d -> d.code().id().startsWith("VAL")).toList();
        assertThat(found).extracting(Diagnostic::toString).containsExactly(
                "<string>:1:1: warning: 'lxc.uts.name' is set again on line 3; liblxc keeps only the last value,"
                        + " so 'a' is ignored [VAL006]",
                "<string>:4:28: warning: 'lxc.cgroup.devices.allow' already has 'c 10:232 rwm' (line 2); this line"
                        + " has no effect [VAL019]");
        assertThat(found.get(0).hint()).contains("remove this line or the one on line 3");
        assertThat(found.get(1).hint()).contains("remove this line");
        for (Diagnostic d : found) {
            Diagnostic copy = new Diagnostic(d.severity(), d.code(), d.message(), d.hint(), d.source(), d.line(),
                    d.column());
            assertThat(d).isEqualTo(copy).hasSameHashCodeAs(copy).hasToString(copy.toString());
            assertThat(copy).isEqualTo(d);
            assertThat(d.message()).isEqualTo(d.message());
        }
        assertThat(found.get(0)).isNotEqualTo(found.get(1));
    }

    @Test
    @DisplayName("positions start at 1 and nothing is null")
    void checks() {
        assertThatThrownBy(() -> new Diagnostic(Severity.INFO, DiagnosticCode.INTERNAL, "m", Optional.empty(), "s",
                0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessage("line and column start at 1, got 0:1");
        assertThatThrownBy(() -> new Diagnostic(Severity.INFO, DiagnosticCode.INTERNAL, null, Optional.empty(), "s",
                1, 1)).isInstanceOf(NullPointerException.class).hasMessage("message");
    }

    @Test
    @DisplayName("codes are unique and stable")
    void codes() {
        List<String> ids = Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(DiagnosticCode.LXC_INVALID_LINE.id()).isEqualTo("LXC001");
        assertThat(DiagnosticCode.PVE_UNPARSABLE_LINE.defaultSeverity()).isEqualTo(Severity.ERROR);
        assertThat(Severity.WARNING.label()).isEqualTo("warning");
    }

    @Test
    @DisplayName("the exception needs at least one error and lists them all")
    void exception() {
        assertThatThrownBy(() -> new LxcConfigException(List.of())).isInstanceOf(IllegalArgumentException.class);
        Diagnostic d = new Diagnostic(Severity.ERROR, DiagnosticCode.LXC_INVALID_LINE, "x", Optional.empty(), "f", 1,
                2);
        assertThat(new LxcConfigException(List.of(d))).hasMessage("1 error:\nf:1:2: error: x [LXC001]");
    }
}
