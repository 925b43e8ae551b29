package io.github.lxcconf.migrate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every corpus config, migrated, loads where it loaded before: {@code validate()} finds no legacy key and
 * no error that was not there before the migration.
 */
class MigrationCorpusTest {

    private static Path resource(String name) {
        try {
            return Path.of(MigrationCorpusTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configs of the corpus: every lxc/** .conf and every pve .conf except Proxmox's rewrites of them. */
    static List<Path> corpus() {
        Path root = resource("/corpus");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".conf"))
                    .filter(p -> {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        return rel.startsWith("lxc/") || rel.startsWith("pve/") && !rel.startsWith("pve/proxmox-rewrite/")
                                && !rel.startsWith("pve/proxmox-start/");
                    }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LxcConfig read(Path file) throws IOException {
        Path rel = resource("/corpus").relativize(file);
        Dialect dialect = rel.startsWith("lxc") ? Dialect.LXC : Dialect.PROXMOX;
        return LxcConfig.reader().dialect(dialect).parse(file);
    }

    /** Each error counted by code and message (line numbers move when lines are removed). */
    private static Map<String, Integer> errors(List<Diagnostic> diagnostics) {
        Map<String, Integer> out = new HashMap<>();
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                out.merge(d.code().id() + " " + d.message(), 1, Integer::sum);
            }
        }
        return out;
    }

    @Test
    void corpusIsThere() {
        List<Path> files = corpus();
        assertThat(files).hasSizeGreaterThan(200);
        assertThat(files).anyMatch(p -> p.toString().contains("lxc-2.0.0"));
        assertThat(files).anyMatch(p -> p.toString().contains("pve-container-tests"));
    }

    @TestFactory
    Stream<DynamicTest> migratedConfigLoadsWhereTheOriginalLoaded() {
        Path root = resource("/corpus");
        return corpus().stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            LxcConfig config = read(file);
            Migration m = config.migrate();
            List<Diagnostic> after = m.config().validate().diagnostics();
            assertThat(after).as("legacy keys left").noneMatch(d -> d.code() == DiagnosticCode.VAL_LEGACY_KEY);
            Map<String, Integer> before = errors(config.validate().diagnostics());
            List<String> added = new ArrayList<>();
            errors(after).forEach((error, count) -> {
                if (count > before.getOrDefault(error, 0)) {
                    added.add(error);
                }
            });
            assertThat(added).as("errors the migration added to\n" + m.config().render()).isEmpty();
            Migration again = m.config().migrate();
            assertThat(again.changes()).as("migrating twice").isEmpty();
        }));
    }
}
