package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FmtCommandTest {
    private static final String MESSY = "lxc.arch=amd64  \n  # a comment\n   \nlxc.uts.name = web";
    private static final String CANONICAL = "lxc.arch = amd64\n# a comment\n\nlxc.uts.name = web\n";

    @TempDir
    Path dir;

    @Test
    void checkReportsEveryLineNotInCanonicalStyle() {
        Path file = CliRun.write(dir, "config", MESSY);
        CliRun r = CliRun.run("fmt", "--check", file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(file + ":1: not in canonical style\n  canonical: lxc.arch = amd64\n"
                + file + ":2: not in canonical style\n  canonical: # a comment\n"
                + file + ":3: not in canonical style\n  canonical: (an empty line)\n"
                + file + ":4: not in canonical style\n  add a line end after the last line\n");
        assertThat(r.err()).isEmpty();
        assertThat(CliRun.read(file)).isEqualTo(MESSY);
    }

    @Test
    void checkOfCanonicalFilesIsQuietAndZero() {
        Path file = CliRun.write(dir, "config", CANONICAL);
        Path classroom = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("fmt", "--check", file.toString(), classroom.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutOptionsPrintsTheCanonicalTextAndChangesNothing() {
        Path file = CliRun.write(dir, "config", MESSY);
        CliRun r = CliRun.run("fmt", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(CANONICAL);
        assertThat(CliRun.read(file)).isEqualTo(MESSY);
    }

    @Test
    void severalFilesArePrintedEachAfterAHeaderAndNoneIsChanged() {
        Path a = CliRun.write(dir, "a", MESSY);
        Path b = CliRun.write(dir, "b.conf", CANONICAL);
        CliRun r = CliRun.run("fmt", a.toString(), b.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("==> " + a + " <==\n" + CANONICAL + "\n==> " + b + " <==\n" + CANONICAL);
        assertThat(CliRun.read(a)).isEqualTo(MESSY);

        // standard input among files is one config among several; a missing file is reported, the rest printed
        CliRun mixed = CliRun.withStdin("lxc.arch=amd64\n", "fmt", "-", dir.resolve("nope").toString(), b.toString());
        assertThat(mixed.status()).isEqualTo(2);
        assertThat(mixed.out()).isEqualTo("==> <stdin> <==\nlxc.arch = amd64\n\n==> " + b + " <==\n" + CANONICAL);
        assertThat(mixed.err()).startsWith("lxcconf: cannot read " + dir.resolve("nope") + ": no such file\n");

        // one file, whatever names it, prints the config alone: it can be redirected to a file
        CliRun one = CliRun.run("fmt", a.toString());
        assertThat(one.out()).isEqualTo(CANONICAL);
    }

    @Test
    void theHelpSaysHowSeveralFilesArePrinted() {
        assertThat(CliRun.run("fmt", "--help").out().replaceAll("\\s+", " "))
                .contains("With several configs (a directory stands for the configs in it), each formatted config"
                        + " starts with a line '==> FILE <==', as explain and head print it;");
    }

    @Test
    void diffPrintsAUnifiedDiff() {
        CliRun r = CliRun.withStdin(MESSY, "fmt", "--diff", "-");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("--- a/<stdin>\n+++ b/<stdin>\n@@ -1,4 +1,4 @@\n"
                + "-lxc.arch=amd64  \n-  # a comment\n-   \n-lxc.uts.name = web\n\\ No newline at end of file\n"
                + "+lxc.arch = amd64\n+# a comment\n+\n+lxc.uts.name = web\n");
        assertThat(CliRun.withStdin(MESSY, "fmt", "--diff", "--check", "-").status()).isEqualTo(1);
    }

    @Test
    void inPlaceWritesTheCanonicalText() {
        Path file = CliRun.write(dir, "config", MESSY);
        Path canonical = CliRun.write(dir, "canonical", CANONICAL);
        CliRun r = CliRun.run("fmt", "-i", file.toString(), canonical.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lxcconf: formatted " + file + "\n");
        assertThat(CliRun.read(file)).isEqualTo(CANONICAL);
        assertThat(CliRun.read(canonical)).isEqualTo(CANONICAL);
    }

    @Test
    void inPlaceRefusesWhenTheFileChangedMeanwhile() {
        Path file = CliRun.write(dir, "config", MESSY);
        CliRun r = CliRun.withHooks(f -> Files.writeString(f, "lxc.arch=i386\n"), "fmt", "--in-place",
                file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("lxcconf: " + file + " changed since it was read; nothing was written\n");
        assertThat(CliRun.read(file)).isEqualTo("lxc.arch=i386\n");
    }

    @Test
    void usageErrors() {
        Path a = CliRun.write(dir, "a", MESSY);
        assertThat(CliRun.run("fmt", "-i", "--check", a.toString()).err())
                .startsWith("lxcconf: --in-place cannot be combined with --check or --diff\n");
        assertThat(CliRun.withStdin(MESSY, "fmt", "-i", "-").err())
                .startsWith("lxcconf: --in-place needs a file, not standard input\n");
    }

    @Test
    void aMissingFileAmongSeveralIsReportedAndTheOthersChecked() {
        Path a = CliRun.write(dir, "a", MESSY);
        CliRun r = CliRun.run("fmt", "--check", dir.resolve("nope").toString(), a.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("lxcconf: cannot read " + dir.resolve("nope") + ": no such file\n");
        assertThat(r.out()).startsWith(a + ":1: not in canonical style\n");
    }
}
