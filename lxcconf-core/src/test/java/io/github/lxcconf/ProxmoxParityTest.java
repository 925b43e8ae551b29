package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.UnknownLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lxcconf refuses exactly the lines Proxmox refuses.
 *
 * <p>For every Proxmox corpus file, {@code corpus/pve/proxmox-rewrite/<same path>.warnings}
 * (or {@code .CRASH.warnings} when Proxmox's writer crashed) holds what the real
 * {@code parse_pct_config} printed while reading it; a file without one made
 * Proxmox print nothing. Two kinds of warning mean that Proxmox drops a line:
 *
 * <ul>
 *   <li>{@code vm N - unable to parse config: LINE} (spec/proxmox-format.md §2, rule 10):
 *       LINE is the line as Proxmox split it, on LF only, so in a CRLF file it ends in
 *       a CR, which is removed before comparing;</li>
 *   <li>{@code vm N - property 'delete' is only allowed in [pve:pending]} (rule 8): the
 *       warning does not print the line, so the test finds the {@code delete:} lines
 *       outside {@code [pve:pending]} with Proxmox's own rules (2, 3 and 8) and checks
 *       that there are as many as there are warnings.</li>
 * </ul>
 *
 * <p>The lines Proxmox drops must be exactly the lines lxcconf reads as an
 * {@link UnknownLine} with an error code of {@link #SYNTAX_CODES}, counted with
 * repetition. Every file is read with the dialect forced to PROXMOX, because
 * Proxmox reads every file in /etc/pve/lxc/ as its own format, whatever it holds.
 *
 * <p>Other warnings are about values and keys, not syntax (unknown setting,
 * failed type check, deprecated or renamed raw key, {@code lxc.rootfs.path}), and
 * are not compared here.
 */
@DisplayName("Proxmox parity: lxcconf refuses exactly the lines Proxmox refuses")
class ProxmoxParityTest {

    /** The codes of lines Proxmox's parser drops. */
    private static final Set<DiagnosticCode> SYNTAX_CODES = EnumSet.of(
            DiagnosticCode.PVE_UNPARSABLE_LINE,
            DiagnosticCode.PVE_BAD_SECTION_HEADER,
            DiagnosticCode.PVE_DELETE_OUTSIDE_PENDING);

    // DOTALL: as in Perl, '.' also matches a CR (lines are split on LF only, so no LF is left in them)
    private static final Pattern UNPARSABLE_WARNING =
            Pattern.compile("^vm \\d+ - unable to parse config: (.*)$", Pattern.DOTALL);
    private static final Pattern DELETE_WARNING =
            Pattern.compile("^vm \\d+ - property 'delete' is only allowed in \\[pve:pending\\]$");

    // Proxmox's own line rules (spec/proxmox-format.md §2), used only to find the delete: lines.
    // Java's \s is [ \t\n\x0B\f\r], the same set as Perl's \s on the bytes Proxmox reads.
    private static final Pattern PENDING_HEADER = Pattern.compile("^\\[pve:pending\\]\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SNAPSHOT_HEADER =
            Pattern.compile("^\\[[a-z][a-z0-9_\\-]+\\]\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DELETE_LINE = Pattern.compile("^delete:\\s*(.+?)\\s*$", Pattern.DOTALL);

    /**
     * Key validation, not syntax. Proxmox's allow-list of raw keys (spec §6) rejects some
     * well-formed raw lines with the same "unable to parse config" text as a syntax error.
     * Checking keys is a later feature of lxcconf, so a line Proxmox refuses is left out of
     * the comparison when its key starts with {@code lxc.} and lxcconf read it as an
     * {@link EntryLine}. These are exactly the lines left out (the test checks that the list
     * is complete and current), for the future key validator to pick up:
     *
     * <ul>
     *   <li>pve/synthetic/edge-raw-lxc-keys.conf: {@code lxc.tty.dir: lxc} (liblxc knows it; the allow-list has the misspelt lxc.devtty.dir)</li>
     *   <li>pve/synthetic/edge-raw-lxc-keys.conf: {@code lxc.sysctl.net.ipv4.ip_forward: 1} (only 9 IPC lxc.sysctl.* keys are allowed)</li>
     *   <li>pve/synthetic/edge-raw-lxc-keys.conf: {@code lxc.cgroup2: x} (bare lxc.cgroup2)</li>
     *   <li>pve/synthetic/edge-mixed-comments-invalid-lines-sections.conf: {@code lxc.foo.bar: 1} (unknown key)</li>
     * </ul>
     */
    private static final List<Excluded> KEY_VALIDATION_EXCLUSIONS = List.of(
            new Excluded("pve/synthetic/edge-raw-lxc-keys.conf", "lxc.tty.dir: lxc"),
            new Excluded("pve/synthetic/edge-raw-lxc-keys.conf", "lxc.sysctl.net.ipv4.ip_forward: 1"),
            new Excluded("pve/synthetic/edge-raw-lxc-keys.conf", "lxc.cgroup2: x"),
            new Excluded("pve/synthetic/edge-mixed-comments-invalid-lines-sections.conf", "lxc.foo.bar: 1"));

    /** A line Proxmox refuses that this test leaves to the key validator. */
    record Excluded(String file, String line) {
    }

    /**
     * One Proxmox input: the file, where Proxmox's warnings for it are, the lines Proxmox
     * drops (without line end, repeated as often as they occur) and the lines left out
     * as key validation.
     */
    record Case(String name, Path path, Optional<String> warningsFile, List<String> proxmoxDrops,
                List<String> excluded, int deleteWarnings, List<String> deleteLines) {
        @Override
        public String toString() {
            return name + warningsFile.map(w -> " (" + w + ": " + proxmoxDrops.size() + " dropped)")
                    .orElse(" (no warnings)");
        }
    }

    // ------------------------------------------------------------------ the table

    static List<Case> cases() {
        Path root = CorpusRoundTripTest.corpusRoot();
        Path rewrites = root.resolve("pve/proxmox-rewrite");
        return CorpusRoundTripTest.corpus().stream()
                .filter(CorpusRoundTripTest.CorpusFile::isProxmox)
                .map(f -> caseOf(f, rewrites))
                .toList();
    }

    static Stream<Case> proxmoxInputs() {
        return cases().stream();
    }

    private static Case caseOf(CorpusRoundTripTest.CorpusFile file, Path rewrites) {
        String relative = file.name().substring("pve/".length());
        Optional<Path> warnings = Stream.of(relative + ".warnings", relative + ".CRASH.warnings")
                .map(rewrites::resolve)
                .filter(Files::isRegularFile)
                .findFirst();
        List<String> drops = new ArrayList<>();
        int deleteWarnings = 0;
        for (String w : warnings.map(ProxmoxParityTest::read).map(ProxmoxParityTest::splitOnLf).orElse(List.of())) {
            Matcher m = UNPARSABLE_WARNING.matcher(w);
            if (m.matches()) {
                drops.add(withoutOneCr(m.group(1)));
            } else if (DELETE_WARNING.matcher(w).matches()) {
                deleteWarnings++;
            }
        }
        // the delete warnings name no line: take the delete: lines outside [pve:pending];
        // deleteWarningsHaveTheirLines checks that there is one per warning (none without warnings)
        List<String> deleteLines = deleteLinesOutsidePending(read(file.path()));
        drops.addAll(deleteLines);
        LxcConfig config = readAsProxmox(file.path());
        List<String> excluded = drops.stream().filter(line -> isKeyValidation(config, line)).toList();
        List<String> syntaxDrops = new ArrayList<>(drops);
        excluded.forEach(syntaxDrops::remove);
        return new Case(file.name(), file.path(),
                warnings.map(w -> "proxmox-rewrite/" + rewrites.relativize(w).toString().replace('\\', '/')),
                List.copyOf(syntaxDrops), excluded, deleteWarnings, deleteLines);
    }

    /** A line Proxmox refused whose key starts with lxc. and that lxcconf read as an entry. */
    private static boolean isKeyValidation(LxcConfig config, String droppedLine) {
        return droppedLine.startsWith("lxc.") && config.lines().stream()
                .anyMatch(l -> l instanceof EntryLine e && e.content().equals(droppedLine) && e.key().startsWith("lxc."));
    }

    /** The delete: lines Proxmox warns about: rule 8 outside [pve:pending], sections by rules 2 and 3. */
    private static List<String> deleteLinesOutsidePending(String text) {
        List<String> out = new ArrayList<>();
        boolean pending = false;
        for (String line : splitOnLf(text)) {
            if (PENDING_HEADER.matcher(line).matches()) {
                pending = true;
            } else if (SNAPSHOT_HEADER.matcher(line).matches()) {
                pending = false;
            } else if (!pending && DELETE_LINE.matcher(line).matches()) {
                out.add(withoutOneCr(line));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxmoxInputs")
    @DisplayName("the lines lxcconf refuses are the lines Proxmox drops")
    void sameLinesRefused(Case c) {
        LxcConfig config = readAsProxmox(c.path());
        assertThat(refusedLines(config))
                .as("lines lxcconf refuses in %s", c.name())
                .containsExactlyInAnyOrderElementsOf(c.proxmoxDrops());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxmoxInputs")
    @DisplayName("each 'delete' warning of Proxmox has its delete: line outside [pve:pending]")
    void deleteWarningsHaveTheirLines(Case c) {
        assertThat(c.deleteLines()).as("delete: lines outside [pve:pending] in %s", c.name())
                .hasSize(c.deleteWarnings());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxmoxInputs")
    @DisplayName("a detected Proxmox file refuses the same lines as one read as PROXMOX")
    void detectionChangesNothing(Case c) throws IOException {
        LxcConfig detected = LxcConfig.parse(c.path());
        if (detected.dialect() == Dialect.PROXMOX) {
            assertThat(refusedLines(detected)).isEqualTo(refusedLines(readAsProxmox(c.path())));
        } else {
            assertThat(c.proxmoxDrops()).as("a file read as LXC must be one Proxmox reads without dropping lines")
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("the lines left out as key validation are exactly the documented ones")
    void keyValidationExclusionsAreDocumented() {
        List<Excluded> excluded = cases().stream()
                .flatMap(c -> c.excluded().stream().map(line -> new Excluded(c.name(), line)))
                .toList();
        assertThat(excluded).containsExactlyInAnyOrderElementsOf(KEY_VALIDATION_EXCLUSIONS);
    }

    @Test
    @DisplayName("every warnings file belongs to a corpus input, and the corpus has Proxmox's warnings")
    void everyWarningsFileHasAnInput() throws IOException {
        Path rewrites = CorpusRoundTripTest.corpusRoot().resolve("pve/proxmox-rewrite");
        List<String> used = cases().stream().flatMap(c -> c.warningsFile().stream()).toList();
        List<String> present;
        try (Stream<Path> walk = Files.walk(rewrites)) {
            present = walk.filter(p -> p.getFileName().toString().endsWith(".warnings"))
                    .map(p -> "proxmox-rewrite/" + rewrites.relativize(p).toString().replace('\\', '/'))
                    .toList();
        }
        assertThat(present).hasSizeGreaterThanOrEqualTo(7);
        assertThat(used).containsExactlyInAnyOrderElementsOf(present);
        // the comparison is not vacuous: the corpus has lines Proxmox drops, of every kind
        List<String> drops = cases().stream().flatMap(c -> c.proxmoxDrops().stream()).toList();
        assertThat(drops).contains("...", "hostname : spaced", "  # indented comment", "Cores: 2", "[a]",
                "delete: memory", "\tlxc.tty.max: 2", "lxc.idmap : u 0 100000 65536", " #x",
                "lxc.Apparmor.profile: x");
    }

    // ------------------------------------------------------------------ helpers

    /** The lines lxcconf reads as lines Proxmox drops, without line end. */
    private static List<String> refusedLines(LxcConfig config) {
        List<String> out = new ArrayList<>();
        for (Line line : config.lines()) {
            if (line instanceof UnknownLine u && u.severity() == Severity.ERROR && SYNTAX_CODES.contains(u.code())) {
                out.add(u.content());
            }
        }
        return out;
    }

    private static LxcConfig readAsProxmox(Path path) {
        try {
            return LxcConfig.reader().dialect(Dialect.PROXMOX).parse(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits as Proxmox does: on LF only, so a CR stays at the end of its line. */
    private static List<String> splitOnLf(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String withoutOneCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
