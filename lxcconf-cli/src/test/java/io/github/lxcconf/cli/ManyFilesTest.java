package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every reading command takes FILE..., directories and -, as lint does; diffs are made of the files' bytes. */
class ManyFilesTest {

    /** /var/lib/lxc with two containers, one that needs migrating, and an empty directory. */
    private static Path lxcTree(Path dir) throws IOException {
        Path lxc = Files.createDirectories(dir.resolve("lxc"));
        CliRun.write(Files.createDirectories(lxc.resolve("web1")), "config", "lxc.uts.name = web1\n");
        CliRun.write(Files.createDirectories(lxc.resolve("db")), "config", "lxc.utsname = db\n");
        return lxc;
    }

    @Test
    void migrateCheckTakesTheReadmesGlobAndDirectories(@TempDir Path dir) throws IOException {
        Path lxc = lxcTree(dir);
        Path db = lxc.resolve("db/config");
        Path web1 = lxc.resolve("web1/config");
        CliRun r = CliRun.run("migrate", "--check", db.toString(), web1.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("--- a/" + db.toString().substring(1) + "\n+++ b/" + db.toString().substring(1)
                + "\n@@ -1 +1 @@\n-lxc.utsname = db\n+lxc.uts.name = db\n");
        assertThat(r.err()).contains(db + ":1: note: ").contains("lxcconf: " + web1 + ": nothing to migrate\n");

        CliRun tree = CliRun.run("migrate", "--check", lxc.toString());
        assertThat(tree.status()).isEqualTo(1);
        assertThat(tree.out()).isEqualTo(r.out());

        CliRun clean = CliRun.run("migrate", "--check", web1.toString());
        assertThat(clean.status()).isZero();
    }

    @Test
    void migrateInPlaceWritesEachFile(@TempDir Path dir) throws IOException {
        Path lxc = lxcTree(dir);
        Path other = CliRun.write(dir, "other.conf", "lxc.utsname = other\n");
        CliRun r = CliRun.run("migrate", "-i", lxc.toString(), other.toString());
        assertThat(r.status()).isZero();
        assertThat(CliRun.read(lxc.resolve("db/config"))).isEqualTo("lxc.uts.name = db\n");
        assertThat(CliRun.read(other)).isEqualTo("lxc.uts.name = other\n");
        assertThat(r.err()).contains("lxcconf: migrated " + lxc.resolve("db/config") + " (1 line changed)\n",
                "lxcconf: migrated " + other + " (1 line changed)\n");
    }

    @Test
    void anEmptyDirectorySaysSoAndTheOtherFilesAreStillDone(@TempDir Path dir) throws IOException {
        Path lxc = lxcTree(dir);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        for (String command : new String[] {"explain", "migrate", "fmt", "lint"}) {
            String[] args = command.equals("fmt") ? new String[] {command, "--check", empty.toString(), lxc.toString()}
                    : new String[] {command, empty.toString(), lxc.toString()};
            CliRun r = CliRun.run(args);
            assertThat(r.status()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).contains("lxcconf: no configs found in " + empty + "\n  hint: ");
        }
        CliRun get = CliRun.run("get", empty.toString(), "lxc.uts.name");
        assertThat(get.status()).isEqualTo(2);
        assertThat(get.err()).startsWith("lxcconf: no configs found in " + empty + "\n");
    }

    @Test
    void explainOfSeveralFilesNamesEach(@TempDir Path dir) throws IOException {
        Path lxc = lxcTree(dir);
        CliRun r = CliRun.run("explain", lxc.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("==> " + lxc.resolve("db/config") + " <==\n  1 | lxc.utsname = db\n")
                .contains("\n==> " + lxc.resolve("web1/config") + " <==\n  1 | lxc.uts.name = web1\n");
        CliRun json = CliRun.run("explain", "--format", "json", lxc.toString());
        assertThat(json.status()).isZero();
        assertThat((java.util.List<?>) MiniJson.parse(json.out())).hasSize(2);
        CliRun one = CliRun.withStdin("lxc.uts.name = x\n", "explain", "--format", "json", "-");
        assertThat(MiniJson.parse(one.out())).isInstanceOf(Map.class);
    }

    @Test
    void getOfSeveralFilesPrefixesTheFileName(@TempDir Path dir) throws IOException {
        Path lxc = lxcTree(dir);
        CliRun r = CliRun.run("get", lxc.toString(), "lxc.uts.name");
        assertThat(r.out()).isEqualTo(lxc.resolve("web1/config") + ": web1\n");
        assertThat(r.err()).isEqualTo("lxcconf: lxc.uts.name is not set in " + lxc.resolve("db/config") + "\n");
        assertThat(r.status()).isEqualTo(1);
        CliRun both = CliRun.run("get", lxc.resolve("db/config").toString(), lxc.resolve("db/config").toString(),
                "lxc.utsname");
        assertThat(both.status()).isZero();
        assertThat(both.out()).isEqualTo(lxc.resolve("db/config") + ": db\n" + lxc.resolve("db/config") + ": db\n");
        CliRun missingKey = CliRun.run("get", lxc.toString());
        assertThat(missingKey.status()).isEqualTo(2);
    }

    @Test
    void fmtChecksADirectory(@TempDir Path dir) throws IOException {
        Path lxc = lxcTree(dir);
        CliRun.write(lxc.resolve("web1"), "config", "  lxc.uts.name=web1\n");
        CliRun r = CliRun.run("fmt", "--check", lxc.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(lxc.resolve("web1/config") + ":1: not in canonical style\n"
                + "  canonical: lxc.uts.name = web1\n");
        CliRun print = CliRun.run("fmt", lxc.toString());
        assertThat(print.status()).isZero();
        assertThat(print.out()).isEqualTo("==> " + lxc.resolve("db/config") + " <==\nlxc.utsname = db\n\n==> "
                + lxc.resolve("web1/config") + " <==\nlxc.uts.name = web1\n");

        // a directory with one config prints that config alone; an empty one says so
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun one = CliRun.run("fmt", lxc.resolve("web1").toString());
        assertThat(one.status()).isZero();
        assertThat(one.out()).isEqualTo("lxc.uts.name = web1\n");
        CliRun none = CliRun.run("fmt", empty.toString(), lxc.resolve("web1").toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).startsWith("lxcconf: no configs found in " + empty + "\n  hint: ");
        assertThat(none.out()).isEqualTo("==> " + lxc.resolve("web1/config") + " <==\nlxc.uts.name = web1\n");
    }

    @Test
    void getPrintsAValueAsItIsInTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config");
        Files.write(file, "lxc.uts.name = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.run("get", file.toString(), "lxc.uts.name");
        assertThat(r.status()).isZero();
        assertThat(r.outBytes()).isEqualTo("caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A Latin-1 comment survives migrate's diff, and the real patch applies it byte for byte. */
    @Test
    void aDiffOfALatin1FileAppliesWithPatchByteForByte(@TempDir Path dir) throws Exception {
        byte[] before = ("# Ger\u00e4t f\u00fcr die Virtualisierung\r\n"
                + "lxc.cgroup.devices.allow = c 10:232 rwm # caf\u00e9\r\n"
                + "lxc.utsname = h\u00f4te").getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("config");
        Files.write(file, before);
        CliRun r = CliRun.run("migrate", file.toString());
        assertThat(r.status()).isZero();
        String diff = new String(r.outBytes(), StandardCharsets.ISO_8859_1);
        assertThat(diff).contains("\n # Ger\u00e4t f\u00fcr die Virtualisierung\r\n",
                "\n-lxc.utsname = h\u00f4te\n\\ No newline at end of file\n");
        Path copy = Files.write(dir.resolve("copy"), before);
        assertThat(CliRun.run("migrate", "-i", copy.toString()).status()).isZero();
        byte[] after = Files.readAllBytes(copy);
        assertThat(after).isNotEqualTo(before);

        Path patch = Path.of("/usr/bin/patch");
        assumeTrue(Files.isExecutable(patch), "the patch command is not installed");
        Path diffFile = dir.resolve("diff");
        Files.write(diffFile, r.outBytes());
        Process p = new ProcessBuilder(patch.toString(), "-p1", "-d", "/", "-i", diffFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(after);
    }
}
