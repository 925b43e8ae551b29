package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LintCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsCompilerStyleLinesWithHintsAndACount() {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("lint", file.toString());
        assertThat(r.status()).as("warnings alone").isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).filteredOn(l -> !l.startsWith("  hint: ")).allMatch(l -> l.startsWith(file + ":"));
        assertThat(r.out()).contains(file + ":13:1: warning: 'lxc.cgroup.devices.allow' is a cgroup v1 key; on a"
                + " cgroup2 host liblxc ignores it, so this line has no effect [VAL004]\n"
                + "  hint: use 'lxc.cgroup2.devices.allow: c 10:232 rwm'; as the config stands, a pure cgroup2 host"
                + " refuses the container character device 10:232 (/dev/kvm) (rw)\n");
        assertThat(r.out()).contains(file + ":16:1: warning: ").contains(file + ":6:9: info: ");
        assertThat(r.err()).isEqualTo("0 errors, 4 warnings, 1 info in 1 file\n");
    }

    @Test
    void errorsGiveExitStatusOne() {
        Path file = CliRun.copy("lxc-2.0-veth.conf", dir);
        CliRun r = CliRun.run("lint", file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith(file + ":3:1: error: Unsupported config key \"lxc.utsname\"")
                .contains("[VAL002]\n  hint: use 'lxc.uts.name' instead\n");
        assertThat(r.err()).isEqualTo("7 errors, 0 warnings in 1 file\n");
    }

    @Test
    void aCleanFilePrintsNothing() {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        CliRun r = CliRun.run("lint", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void warningsFailWithWerrorOrFailOnWarning() {
        Path file = CliRun.copy("classroom-102.conf", dir);
        assertThat(CliRun.run("lint", "--werror", file.toString()).status()).isEqualTo(1);
        assertThat(CliRun.run("lint", "--fail-on=warning", file.toString()).status()).isEqualTo(1);
        assertThat(CliRun.run("lint", "--fail-on=error", file.toString()).status()).isZero();
    }

    @Test
    void lxcVersionSevenRefusesCgroupV1Keys() {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\nlxc.cgroup.devices.allow = c 10:232 rwm\n");
        CliRun six = CliRun.run("lint", file.toString());
        CliRun seven = CliRun.run("lint", "--lxc-version", "7.0", file.toString());
        assertThat(six.out()).doesNotContain("[VAL003]");
        assertThat(six.status()).isZero();
        assertThat(seven.out()).contains(file + ":2:1: error: ").contains("[VAL003]");
        assertThat(seven.status()).isEqualTo(1);
        assertThat(CliRun.run("lint", "--lxc-version", "7", file.toString()).out()).isEqualTo(seven.out());
    }

    @Test
    void anUnknownLxcVersionIsAUsageError() {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        CliRun r = CliRun.run("lint", "--lxc-version", "8.0", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: Invalid value for option '--lxc-version': unknown liblxc version"
                + " '8.0' (expected 5.0, 6.0 or 7.0)\nTry 'lxcconf lint --help' for more information.\n");
    }

    @Test
    void hostCgroupV1KeepsCgroupV1RulesQuiet() {
        Path file = CliRun.copy("classroom-102.conf", dir);
        assertThat(CliRun.run("lint", file.toString()).out()).contains("[VAL004]");
        assertThat(CliRun.run("lint", "--host-cgroup", "v1", file.toString()).out()).doesNotContain("[VAL004]");
        assertThat(CliRun.run("lint", "--host-cgroup", "hybrid", file.toString()).out()).doesNotContain("[VAL004]");
    }

    @Test
    void includeBaseReportsAMissingInclude() {
        Path file = CliRun.write(dir, "config", "lxc.include = missing.conf\n");
        assertThat(CliRun.run("lint", file.toString()).out()).doesNotContain("[INC001]");
        CliRun r = CliRun.run("lint", "--include-base", dir.toString(), file.toString());
        assertThat(r.out()).contains(file + ":1:").contains("[INC001]");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void includeBaseReportsTheProblemsOfAnIncludedFileAtItsOwnLines() {
        Path inc = CliRun.write(dir, "inc.conf", "lxc.uts.name = web\nlxc.network.type = veth\n");
        Path file = CliRun.write(dir, "config", "lxc.include = inc.conf\n");
        assertThat(CliRun.run("lint", file.toString()).status()).isZero();
        CliRun r = CliRun.run("lint", "--include-base", dir.toString(), file.toString());
        assertThat(r.out()).startsWith(inc + ":2:1: error: Unsupported config key \"lxc.network.type\"");
        assertThat(r.status()).isEqualTo(1);
        CliRun sarif = CliRun.run("lint", "--format", "sarif", "--include-base", dir.toString(), file.toString());
        assertThat(sarif.out()).contains("\"uri\": \"" + inc.toUri().toASCIIString() + "\"}, \"region\": {\"startLine\": 2");
    }

    @Test
    void readsStandardInputAsStdin() {
        CliRun r = CliRun.withStdin("lxc.utsname = web\n", "lint", "-");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("<stdin>:1:1: error: Unsupported config key \"lxc.utsname\"");
    }

    @Test
    void jsonIsExactForACleanFile() {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        CliRun r = CliRun.run("lint", "--format", "json", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("[\n  {\"file\": \"" + file + "\", \"errors\": 0, \"warnings\": 0,"
                + " \"infos\": 0, \"diagnostics\": []}\n]\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonIsExactForOneDiagnostic() {
        CliRun r = CliRun.withStdin("lxc.utsname = web\n", "lint", "--format=json", "-");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("[\n  {\"file\": \"<stdin>\", \"errors\": 1, \"warnings\": 0, \"infos\": 0,"
                + " \"diagnostics\": [\n"
                + "    {\"file\": \"<stdin>\", \"line\": 1, \"column\": 1, \"severity\": \"error\", \"code\": \"VAL002\","
                + " \"message\": \"Unsupported config key \\\"lxc.utsname\\\": the name was retired in LXC 2.1 and"
                + " liblxc 3.0 and later refuse it\", \"hint\": \"use 'lxc.uts.name' instead\"}\n  ]}\n]\n");
        assertThat(r.err()).as("no count line in JSON mode").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonOfSeveralFilesParsesBackWithEveryField() throws Exception {
        Path classroom = CliRun.copy("classroom-102.conf", dir);
        Path weird = Files.writeString(dir.resolve("we\"ird\\name.conf"), "lxc.utsname = web\n");
        CliRun r = CliRun.run("lint", "--format", "json", classroom.toString(), weird.toString());
        assertThat(r.status()).isEqualTo(1);
        List<Object> files = (List<Object>) MiniJson.parse(r.out());
        assertThat(files).hasSize(2);
        Map<String, Object> first = (Map<String, Object>) files.get(0);
        assertThat(first).containsEntry("file", classroom.toString()).containsEntry("errors", 0L)
                .containsEntry("warnings", 4L).containsEntry("infos", 1L);
        List<Object> diagnostics = (List<Object>) first.get("diagnostics");
        assertThat(diagnostics).hasSize(5);
        Map<String, Object> d = (Map<String, Object>) diagnostics.get(0);
        assertThat(d.keySet()).containsExactly("file", "line", "column", "severity", "code", "message", "hint");
        assertThat(d).containsEntry("line", 6L).containsEntry("column", 9L).containsEntry("severity", "info")
                .containsEntry("code", "PVE207");
        Map<String, Object> second = (Map<String, Object>) files.get(1);
        assertThat(second).containsEntry("file", weird.toString()).containsEntry("errors", 1L);
        assertThat(((Map<String, Object>) ((List<Object>) second.get("diagnostics")).get(0)))
                .containsEntry("file", weird.toString());
    }

    @Test
    void jsonHintIsNullWhenThereIsNone() {
        CliRun r = CliRun.withStdin("lxc.uts.name = a\nlxc.uts.name = b\n", "lint", "--format=json", "-");
        assertThat(r.out()).contains("\"code\": \"VAL006\"");
        assertThat(r.out()).containsPattern("\"hint\": (null|\"[^\"]*\")\\}");
        MiniJson.parse(r.out());
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersAreStillLinted() {
        Path good = CliRun.copy("lxc-2.0-veth.conf", dir);
        Path missing = dir.resolve("missing.conf");
        CliRun r = CliRun.run("lint", missing.toString(), good.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains(good + ":3:1: error: ");
        assertThat(r.err()).startsWith("lxcconf: cannot read " + missing + ": no such file\n  hint: ")
                .endsWith("7 errors, 0 warnings in 1 file\n");
    }

    @Test
    void severalFilesAreLintedInOrderAndCountedTogether() {
        Path classroom = CliRun.copy("classroom-102.conf", dir);
        Path legacy = CliRun.copy("lxc-2.0-veth.conf", dir);
        CliRun r = CliRun.run("lint", legacy.toString(), classroom.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith(legacy + ":3:1: error: ");
        assertThat(r.out().indexOf(classroom + ":6:9: info: ")).isGreaterThan(r.out().lastIndexOf(legacy + ":"));
        assertThat(r.err()).isEqualTo("7 errors, 4 warnings, 1 info in 2 files\n");
    }

    @Test
    void aDirectoryStandsForTheConfigsInIt(@TempDir Path dir) throws java.io.IOException {
        Path pve = java.nio.file.Files.createDirectories(dir.resolve("pve"));
        CliRun.write(pve, "102.conf", "arch: amd64\nlxc.cgroup.devices.allow: c 10:232 rwm\n");
        CliRun.write(pve, "101.conf", "arch: amd64\n");
        CliRun.write(pve, "notes.txt", "not a config\n");
        Path lxc = java.nio.file.Files.createDirectories(dir.resolve("lxc"));
        CliRun.write(java.nio.file.Files.createDirectories(lxc.resolve("web1")), "config", "lxc.uts.name = web1\n");
        CliRun.write(java.nio.file.Files.createDirectories(lxc.resolve("db")), "config", "lxc.utsname = db\n");
        java.nio.file.Files.createDirectories(lxc.resolve("empty"));

        assertThat(LintCommand.expand(java.util.List.of(pve.toString(), lxc.toString(), "-")))
                .containsExactly(pve.resolve("101.conf").toString(), pve.resolve("102.conf").toString(),
                        lxc.resolve("db/config").toString(), lxc.resolve("web1/config").toString(), "-");
        CliRun r = CliRun.run("lint", lxc.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith(lxc.resolve("db/config") + ":1:1: error: ");
        assertThat(r.err()).isEqualTo("1 error, 0 warnings in 2 files\n");

        Path nothing = java.nio.file.Files.createDirectories(dir.resolve("nothing"));
        CliRun none = CliRun.run("lint", nothing.toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).startsWith("lxcconf: no configs found in " + nothing + "\n  hint: ");
    }
}
