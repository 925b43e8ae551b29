package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.testing.PveCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lxcconf warns about exactly the option values Proxmox warns about.
 *
 * <p>{@code corpus/pve/proxmox-rewrite/<input>.warnings} (or {@code .CRASH.warnings}) holds what the
 * real {@code parse_pct_config} printed while reading an input; no file means it printed nothing.
 * Every {@code vm N - unable to parse value of 'KEY' - MESSAGE} warning (a failed {@code check_type}:
 * unknown setting, failed type or format check) must have an lxcconf WARNING with the same text, on a
 * line that sets KEY. A {@code format error} warning lists one {@code subkey: problem} line per bad
 * field after it; each becomes one lxcconf diagnostic {@code ... - format error: subkey: problem}. And
 * lxcconf must report no other value warning: on a file where Proxmox printed none, lxcconf prints none.
 */
class ProxmoxWarningsParityTest {
    private static final Set<DiagnosticCode> VALUE_CODES = EnumSet.of(DiagnosticCode.PVE_UNKNOWN_OPTION,
            DiagnosticCode.PVE_TYPE_CHECK, DiagnosticCode.PVE_MALFORMED_PROPERTY_STRING,
            DiagnosticCode.PVE_INVALID_PROPERTY);
    private static final Pattern WARNING = Pattern.compile("^vm \\d+ - (.*)$", Pattern.DOTALL);
    private static final Pattern VALUE_WARNING = Pattern.compile("^unable to parse value of '([^']+)' - (.*)$",
            Pattern.DOTALL);
    private static final Pattern SUB_KEY_LINE = Pattern.compile("^\\S+: .+$");

    /**
     * What Proxmox printed about one value.
     *
     * @param key     the option key
     * @param message the full text lxcconf must report
     */
    record Expected(String key, String message) {
    }

    /** Proxmox's value warnings of one input, format-error continuation lines joined. */
    static List<Expected> proxmoxWarnings(PveCorpus.Input input) {
        if (input.warnings().isEmpty()) {
            return List.of();
        }
        List<String> lines = List.of(read(input.warnings().get()).split("\n", -1));
        List<Expected> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher w = WARNING.matcher(lines.get(i));
            if (!w.matches()) {
                continue; // continuation lines are handled below; the writer's crash message is no warning
            }
            Matcher v = VALUE_WARNING.matcher(w.group(1));
            if (!v.matches()) {
                continue; // unparsable lines, raw lxc.* keys, delete outside pending: the syntax layer's
            }
            String key = v.group(1);
            String message = v.group(2);
            if (message.equals("format error")) {
                while (i + 1 < lines.size() && SUB_KEY_LINE.matcher(lines.get(i + 1)).matches()
                        && !WARNING.matcher(lines.get(i + 1)).matches()) {
                    out.add(new Expected(key, "unable to parse value of '" + key + "' - format error: "
                            + lines.get(++i)));
                }
            } else {
                out.add(new Expected(key, "unable to parse value of '" + key + "' - " + message));
            }
        }
        return out;
    }

    static Stream<PveCorpus.Input> inputs() {
        return PveCorpus.inputs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @DisplayName("every value warning of Proxmox is an lxcconf WARNING with the same text, and there are no others")
    void sameWarnings(PveCorpus.Input input) {
        LxcConfig config = input.config();
        List<Diagnostic> ours = config.proxmox().diagnostics().stream()
                .filter(d -> d.severity() == Severity.WARNING && VALUE_CODES.contains(d.code()))
                .toList();
        List<Expected> theirs = proxmoxWarnings(input);
        assertThat(ours).map(Diagnostic::message).as("value warnings of %s", input.name())
                .containsExactlyInAnyOrderElementsOf(theirs.stream().map(Expected::message).toList());
        for (Diagnostic d : ours) {
            String key = theirs.stream().filter(e -> e.message().equals(d.message())).findFirst().orElseThrow().key();
            assertThat(config.line(d.line())).as("line %d of %s", d.line(), input.name())
                    .hasValueSatisfying(l -> assertThat(((EntryLine) l).key()).isEqualTo(key));
            assertThat(d.source()).isEqualTo(input.name());
        }
    }

    @Test
    @DisplayName("the comparison covers Proxmox's value warnings: 12 in 5 files, on the expected lines")
    void coverage() {
        List<String> all = new ArrayList<>();
        PveCorpus.inputs().forEach(i -> proxmoxWarnings(i).forEach(e -> all.add(i.name() + ": " + e.message())));
        assertThat(all).hasSize(12).contains(
                "synthetic/edge-mixed-comments-invalid-lines-sections.conf: unable to parse value of 'net0' - format"
                        + " error: foo: property is not defined in schema and the schema does not allow additional"
                        + " properties",
                "synthetic/edge-crlf-duplicates-case-pending.conf: unable to parse value of 'swap' - property"
                        + " contains a line feed",
                "synthetic/edge-type-checks-internal-keys.conf: unable to parse value of 'cpulimit' - type check"
                        + " ('number') failed - got '.5'",
                "pve-container-tests/snapshot-input/rollback/205.conf: unable to parse value of 'vmstate' - unknown"
                        + " setting 'vmstate'");
        List<String> located = new ArrayList<>();
        for (String name : List.of("synthetic/edge-type-checks-internal-keys.conf",
                "synthetic/edge-mixed-comments-invalid-lines-sections.conf",
                "synthetic/edge-crlf-duplicates-case-pending.conf")) {
            PveCorpus.input(name).config().proxmox().diagnostics().stream()
                    .filter(d -> VALUE_CODES.contains(d.code()))
                    .forEach(d -> located.add(d.toString()));
        }
        assertThat(located).containsExactly(
                "synthetic/edge-type-checks-internal-keys.conf:3:11: warning: unable to parse value of 'cpulimit' -"
                        + " type check ('number') failed - got '.5' [PVE102]",
                "synthetic/edge-type-checks-internal-keys.conf:4:8: warning: unable to parse value of 'cores' -"
                        + " type check ('integer') failed - got '+2' [PVE102]",
                "synthetic/edge-type-checks-internal-keys.conf:6:13: warning: unable to parse value of 'protection'"
                        + " - type check ('boolean') failed - got '2' [PVE102]",
                "synthetic/edge-type-checks-internal-keys.conf:7:1: warning: unable to parse value of 'digest' -"
                        + " unknown setting 'digest' [PVE101]",
                "synthetic/edge-type-checks-internal-keys.conf:8:1: warning: unable to parse value of 'snapname' -"
                        + " unknown setting 'snapname' [PVE101]",
                "synthetic/edge-type-checks-internal-keys.conf:9:1: warning: unable to parse value of 'pending' -"
                        + " unknown setting 'pending' [PVE101]",
                "synthetic/edge-mixed-comments-invalid-lines-sections.conf:8:1: warning: unable to parse value of"
                        + " 'foo' - unknown setting 'foo' [PVE101]",
                "synthetic/edge-mixed-comments-invalid-lines-sections.conf:12:7: warning: unable to parse value of"
                        + " 'swap' - type check ('integer') failed - got '512 # inline' [PVE102]",
                "synthetic/edge-mixed-comments-invalid-lines-sections.conf:27:30: warning: unable to parse value of"
                        + " 'net0' - format error: foo: property is not defined in schema and the schema does not"
                        + " allow additional properties [PVE104]",
                "synthetic/edge-crlf-duplicates-case-pending.conf:7:7: warning: unable to parse value of 'swap' -"
                        + " property contains a line feed [PVE102]");
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
