package io.github.lxcconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world config of the corpus through every command that reads (explain and lint in both
 * formats): no internal error, the exit
 * status each command documents, and files left untouched unless --in-place was asked for.
 */
class CorpusCommandsTest {
    private static final Path CORPUS = Path.of("..", "lxcconf-core", "src", "test", "resources", "corpus");

    static Stream<Path> configs() throws IOException {
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().endsWith(".warnings"))
                    .filter(p -> !CORPUS.relativize(p).startsWith("seccomp"))
                    .filter(p -> !CORPUS.relativize(p).startsWith(Path.of("pve", "proxmox-start"))
                            || p.getFileName().toString().endsWith(".lxc"))
                    .sorted().toList();
            assertThat(files).as("the corpus beside this module").hasSizeGreaterThan(200);
            return files.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void everyReadingCommandHandlesTheFile(Path corpusFile, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("config");
        Files.copy(corpusFile, file);
        byte[] before = Files.readAllBytes(file);
        String name = file.toString();

        CliRun explain = CliRun.run("explain", name);
        assertThat(explain.status()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("\nSummary\n");

        CliRun explainJson = CliRun.run("explain", "--format", "json", name);
        assertThat(explainJson.status()).as(explainJson.err()).isZero();
        MiniJson.parse(explainJson.out());

        CliRun lint = CliRun.run("lint", "--format", "json", name);
        assertThat(lint.status()).as(lint.err()).isBetween(0, 1);
        boolean errors = LxcConfig.parse(file).validate().hasErrors();
        assertThat(lint.status()).isEqualTo(errors ? 1 : 0);
        MiniJson.parse(lint.out());

        CliRun migrate = CliRun.run("migrate", "--check", name);
        assertThat(migrate.status()).as(migrate.err()).isBetween(0, 1);

        CliRun fmt = CliRun.run("fmt", "--check", name);
        assertThat(fmt.status()).as(fmt.err()).isBetween(0, 1);

        CliRun formatted = CliRun.run("fmt", name);
        assertThat(formatted.status()).isZero();
        assertThat(formatted.outBytes()).isEqualTo(LxcConfig.parse(file).format().toBytes());

        for (CliRun run : List.of(explain, explainJson, lint, migrate, fmt, formatted)) {
            assertThat(run.err()).doesNotContain("internal error");
        }
        assertThat(Files.readAllBytes(file)).as("nothing was written").isEqualTo(before);
    }
}
