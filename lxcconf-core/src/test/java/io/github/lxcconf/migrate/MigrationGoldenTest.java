package io.github.lxcconf.migrate;

import io.github.lxcconf.Diagnostic;
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
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every corpus config the migration changes or comments on has golden files: {@code <path>.migrated} (the
 * migrated config, byte for byte) and {@code <path>.changes} (each change and each diagnostic). Regenerate
 * after a deliberate change with
 * {@code ./mvnw -B -pl lxcconf-core test -Dtest=MigrationGoldenTest -Dmigrate.update=true} and review the diff.
 */
class MigrationGoldenTest {
    /**
     * Every migration applied, widening ones too, so that the golden files pin the translations; what the default
     * leaves out is in MigrationTest and WideningTest.
     */
    private static final MigrationOptions WIDENING = MigrationOptions.all().withWidening(true);
    private static final boolean UPDATE = Boolean.getBoolean("migrate.update");

    private static Path resource(String name) {
        try {
            return Path.of(MigrationGoldenTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path goldenRoot() {
        return UPDATE ? Path.of("src/test/resources/migrate/golden") : resource("/migrate").resolve("golden");
    }

    private static LxcConfig read(Path file) {
        Path rel = resource("/corpus").relativize(file);
        try {
            return LxcConfig.reader().dialect(rel.startsWith("lxc") ? Dialect.LXC : Dialect.PROXMOX)
                    .sourceName(rel.toString().replace('\\', '/')).parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The changes and diagnostics of a migration, one per line. */
    static String changes(Migration m) {
        StringBuilder b = new StringBuilder();
        for (Change c : m.changes()) {
            b.append("line ").append(c.line()).append(": ").append(c.oldLine()).append('\n');
            if (c.isRemoval()) {
                b.append("  removed\n");
            }
            for (String n : c.newLines()) {
                b.append("  -> ").append(n).append('\n');
            }
            b.append("  because ").append(c.reason()).append('\n');
        }
        for (Diagnostic d : m.diagnostics()) {
            b.append(d).append('\n');
            d.hint().ifPresent(h -> b.append("  hint: ").append(h).append('\n'));
        }
        return b.toString();
    }

    private static List<Path> migrating() {
        return MigrationCorpusTest.corpus().stream().filter(p -> {
            Migration m = read(p).migrate(WIDENING);
            return m.changed() || !m.diagnostics().isEmpty();
        }).toList();
    }

    @Test
    void theCorpusHasConfigsToMigrate() {
        assertThat(migrating()).hasSizeGreaterThan(30);
    }

    @TestFactory
    Stream<DynamicTest> migratedCorpusEqualsGoldenFiles() {
        Path corpus = resource("/corpus");
        return migrating().stream().map(file -> {
            String rel = corpus.relativize(file).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(rel, () -> {
                Migration m = read(file).migrate(WIDENING);
                Path migrated = goldenRoot().resolve(rel + ".migrated");
                Path changes = goldenRoot().resolve(rel + ".changes");
                if (UPDATE) {
                    Files.createDirectories(migrated.getParent());
                    Files.write(migrated, m.config().toBytes());
                    Files.writeString(changes, changes(m));
                }
                assertThat(migrated).as("golden file").exists();
                assertThat(m.config().toBytes()).as(rel).isEqualTo(Files.readAllBytes(migrated));
                assertThat(changes(m)).as(rel).isEqualTo(Files.readString(changes));
            });
        });
    }
}
