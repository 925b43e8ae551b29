package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** lint and explain of files without options run without picocli, and do exactly what picocli's run does. */
class QuickRunTest {
    @TempDir
    Path dir;

    private static final byte[] STDIN = "hostname: ct\nlxc.utsname = old\n".getBytes(StandardCharsets.UTF_8);

    private static CliRun run(boolean quick, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Context context = new Context(new ByteArrayInputStream(STDIN), new PrintStream(out, true),
                new PrintStream(err, true), Map.of(), false, Hooks.NONE);
        int status = quick ? Cli.execute(context, args) : Cli.commandLine(context, args).execute(args);
        context.flush();
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    @Test
    void aRunWithoutOptionsPrintsWhatPicocliRunPrints() throws Exception {
        String classroom = CliRun.copy("classroom-102.conf", dir).toString();
        String veth = CliRun.copy("lxc-2.0-veth.conf", dir).toString();
        String binary = Files.write(dir.resolve("binary"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0, 1, 2, 3, 0, 0})
                .toString();
        String missing = dir.resolve("missing.conf").toString();
        List<List<String>> files = List.of(List.of(classroom), List.of(veth), List.of(classroom, veth),
                List.of(missing), List.of(dir.toString()), List.of(binary), List.of("-"), List.of(classroom, "-"),
                List.of(veth, missing, classroom), List.of("a=b"), List.of("help"));
        int compared = 0;
        for (String command : List.of("lint", "explain")) {
            for (List<String> arguments : files) {
                List<String> line = new ArrayList<>(List.of(command));
                line.addAll(arguments);
                String[] args = line.toArray(String[]::new);
                assertThat(Cli.quick(args)).as("%s", line).isTrue();
                CliRun quick = run(true, args);
                CliRun picocli = run(false, args);
                assertThat(quick.status()).as("%s", line).isEqualTo(picocli.status());
                assertThat(quick.out()).as("%s", line).isEqualTo(picocli.out());
                assertThat(quick.err()).as("%s", line).isEqualTo(picocli.err());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(22);
    }

    @Test
    void theVersionIsWhatPicocliPrints() {
        for (String option : List.of("--version", "-V")) {
            CliRun quick = run(true, option);
            CliRun picocli = run(false, option);
            assertThat(quick.out()).startsWith("lxcconf ").isEqualTo(picocli.out());
            assertThat(quick.err()).isEmpty();
            assertThat(picocli.err()).isEmpty();
            assertThat(quick.status()).isZero().isEqualTo(picocli.status());
        }
    }

    @Test
    void anythingElseGoesThroughPicocli() {
        for (String[] args : List.of(new String[] {"lint"}, new String[] {"lint", "--help"},
                new String[] {"lint", "-q", "a.conf"}, new String[] {"explain", "a.conf", "--format=json"},
                new String[] {"lint", "--", "a.conf"}, new String[] {"lint", "@args"}, new String[] {"lint", ""},
                new String[] {"get", "a.conf", "hostname"}, new String[] {"fmt", "a.conf"}, new String[] {"help", "lint"},
                new String[] {"generate-completion"}, new String[] {"--version"}, new String[0])) {
            assertThat(Cli.quick(args)).as("%s", List.of(args)).isFalse();
        }
    }

    @Test
    void defaultsAreThoseOfPicocli() {
        Context context = new Context(new ByteArrayInputStream(new byte[0]), System.out, System.err, Map.of(), false,
                Hooks.NONE);
        LintCommand lint = new LintCommand(context);
        picocli.CommandLine.ParseResult parsed = new picocli.CommandLine(lint).parseArgs("a.conf");
        assertThat(parsed.matchedOptions()).isEmpty();
        LintCommand fresh = new LintCommand(context);
        assertThat(List.of(fresh.format, fresh.failOn, fresh.minSeverity, fresh.colour, fresh.werror, fresh.quiet,
                fresh.ignore))
                .isEqualTo(List.of(lint.format, lint.failOn, lint.minSeverity, lint.colour, lint.werror, lint.quiet,
                        lint.ignore));
        assertThat(new Object[] {fresh.dialect, fresh.version, fresh.hostCgroup, fresh.includeBase})
                .containsOnlyNulls();
        assertThat(new Object[] {lint.dialect, lint.version, lint.hostCgroup, lint.includeBase}).containsOnlyNulls();
    }
}
