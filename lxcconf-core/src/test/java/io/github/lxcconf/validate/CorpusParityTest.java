package io.github.lxcconf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity on the corpus. Native LXC files: "liblxc 6.0 refuses the file" (from the corpus README: legacy pre-2.1
 * keys, a template token where a value is checked, and lxc-2.0.0's gentoo.moresecure.conf with its
 * non-capability {@code sys_resources}) equals "validate() reports an error"; on LXC 7.0 the files with
 * {@code lxc.cgroup.*} keys are refused too. Proxmox files: every error is on a line Proxmox itself complains
 * about in the warnings it printed when rewriting the file.
 */
@DisplayName("Parity with liblxc and Proxmox on the corpus")
class CorpusParityTest {

    private static final String MORESECURE = "lxc-upstream/lxc-2.0.0/templates/gentoo.moresecure.conf";
    private static final List<String> MISMATCHES = new ArrayList<>();
    private static final int[] COUNTS = new int[4]; // lxc total, lxc agree, pve total, pve agree

    static Path root() {
        try {
            return Path.of(CorpusParityTest.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The README's expectation column, by path relative to corpus/lxc. */
    static Map<String, String> lxcReadme() {
        Map<String, String> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(root().resolve("lxc/README.md"), StandardCharsets.UTF_8)) {
                String[] cells = line.split("\\|");
                if (cells.length >= 7 && cells[1].strip().startsWith("`")) {
                    rows.put(cells[1].strip().replace("`", ""), cells[6].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static boolean refusedBy6(String file, String expectation) {
        return expectation.contains("legacy pre-2.1 keys") || expectation.contains("is rejected as-is")
                || file.equals(MORESECURE);
    }

    static Stream<String> lxcFiles() {
        return lxcReadme().keySet().stream();
    }

    static Stream<String> pveFiles() throws IOException {
        Path pve = root().resolve("pve");
        try (Stream<Path> walk = Files.walk(pve)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> pve.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("proxmox-rewrite/") && !p.startsWith("proxmox-start/") && !p.endsWith(".md"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void everyNativeCorpusFileIsInTheReadme() throws IOException {
        Path lxc = root().resolve("lxc");
        try (Stream<Path> walk = Files.walk(lxc)) {
            List<String> files = walk.filter(Files::isRegularFile)
                    .map(p -> lxc.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.endsWith(".md")).toList();
            assertThat(lxcReadme().keySet()).containsAll(files);
            assertThat(files).hasSizeGreaterThan(100);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lxcFiles")
    void nativeFileRefusedIffLiblxcRefusesIt(String file) throws IOException {
        String expectation = lxcReadme().get(file);
        LxcConfig config = LxcConfig.parse(root().resolve("lxc").resolve(file));
        List<Diagnostic> errors = config.validate().errors();
        boolean refused = refusedBy6(file, expectation);
        synchronized (MISMATCHES) {
            COUNTS[0]++;
            if (errors.isEmpty() != refused) {
                COUNTS[1]++;
            } else {
                MISMATCHES.add("lxc/" + file + ": expected " + (refused ? "ERR" : "OK") + ", got " + errors);
            }
        }
        assertThat(!errors.isEmpty()).as(file + ": " + expectation + " / " + errors).isEqualTo(refused);
        if (expectation.contains("legacy pre-2.1 keys")) {
            assertThat(errors).extracting(d -> d.code().id()).contains("VAL002");
        }
        if (file.equals(MORESECURE)) {
            assertThat(errors).extracting(d -> d.code().id()).containsExactly("LXC105");
        }
        boolean refusedBy7 = refused || expectation.contains("rejected by 7.0");
        List<Diagnostic> errors7 = config.validate(ValidationOptions.defaults().withVersion(LxcVersion.V7_0)).errors();
        assertThat(!errors7.isEmpty()).as(file + " on LXC 7.0: " + errors7).isEqualTo(refusedBy7);
        if (refusedBy7 && !refused) {
            assertThat(errors7).extracting(d -> d.code().id()).containsOnly("VAL003");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pveFiles")
    void proxmoxFileHasErrorsOnlyOnLinesProxmoxRefuses(String file) throws IOException {
        LxcConfig config = LxcConfig.parse(root().resolve("pve").resolve(file));
        Path warningsFile = root().resolve("pve/proxmox-rewrite").resolve(file + ".warnings");
        Path crashFile = root().resolve("pve/proxmox-rewrite").resolve(file + ".CRASH.warnings");
        List<String> warnings = new ArrayList<>();
        for (Path w : List.of(warningsFile, crashFile)) {
            if (Files.exists(w)) {
                warnings.addAll(Files.readAllLines(w, StandardCharsets.UTF_8));
            }
        }
        List<Diagnostic> unexplained = new ArrayList<>();
        for (Diagnostic d : config.validate().errors()) {
            Line line = config.lines().get(d.line() - 1);
            String content = line.content().strip();
            String key = line instanceof EntryLine e ? e.key() : content.split("[:=\\s]", 2)[0];
            boolean proxmoxComplains = warnings.stream().anyMatch(w -> w.endsWith(": " + content)
                    || w.endsWith(": " + line.content()) || w.contains("'" + key + "'") || w.contains(" " + key + ": "));
            if (!proxmoxComplains) {
                unexplained.add(d);
            }
        }
        List<String> missed = new ArrayList<>();
        for (String w : warnings) {
            int at = w.indexOf("unable to parse config: lxc.");
            if (at >= 0) {
                String refusedLine = w.substring(at + "unable to parse config: ".length());
                boolean reported = config.validate().errors().stream()
                        .anyMatch(d -> config.lines().get(d.line() - 1).content().equals(refusedLine));
                if (!reported) {
                    missed.add(refusedLine);
                }
            }
        }
        assertThat(missed).as(file + ": raw lxc lines Proxmox refuses, without an error").isEmpty();
        synchronized (MISMATCHES) {
            COUNTS[2]++;
            if (unexplained.isEmpty()) {
                COUNTS[3]++;
            } else {
                MISMATCHES.add("pve/" + file + ": errors Proxmox does not report: " + unexplained);
            }
        }
        assertThat(unexplained).as(file + " (Proxmox printed " + warnings + ")").isEmpty();
    }

    @AfterAll
    static void report() {
        System.out.println("corpus parity: lxc " + COUNTS[1] + " of " + COUNTS[0] + " agree; pve " + COUNTS[3]
                + " of " + COUNTS[2] + " without a false error");
        MISMATCHES.forEach(m -> System.out.println("  mismatch: " + m));
    }
}
