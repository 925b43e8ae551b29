package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The flags a linter in CI needs. */
class LintFlagsTest {
    @TempDir
    Path dir;

    private Path classroom() {
        return CliRun.copy("classroom-102.conf", dir);
    }

    @Test
    void quietLeavesOutTheCount() {
        CliRun r = CliRun.run("lint", "-q", classroom().toString());
        assertThat(r.out()).contains("[VAL010]");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void ignoreAndMinSeverityFilter() {
        Path file = classroom();
        CliRun r = CliRun.run("lint", "--ignore", "VAL010", "--min-severity", "warning", file.toString());
        assertThat(r.out()).doesNotContain("[VAL010]").doesNotContain("info:").contains("[VAL004]");
        CliRun both = CliRun.run("lint", "--ignore", "val010,VAL004", "--ignore", "PVE207", file.toString());
        assertThat(both.out()).isEmpty();
        CliRun unknown = CliRun.run("lint", "--ignore", "NOPE1", file.toString());
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("lxcconf: --ignore: unknown code 'NOPE1'");
    }

    @Test
    void dialectForcesHowFilesAreRead() {
        Path file = CliRun.write(dir, "ambiguous", "lxc.uts.name: web\n");
        CliRun lxc = CliRun.run("lint", "--dialect", "lxc", file.toString());
        assertThat(lxc.out()).contains("error:");
        CliRun pve = CliRun.run("lint", "--dialect", "proxmox", file.toString());
        assertThat(pve.out()).doesNotContain("LXC001");
    }

    @Test
    void jsonListsAnUnreadableFileAsAnError() {
        Path file = classroom();
        CliRun r = CliRun.run("lint", "--format", "json", file.toString(), dir.resolve("missing.conf").toString());
        assertThat(r.status()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) MiniJson.parse(r.out());
        assertThat(files).hasSize(2);
        assertThat(files.get(1)).containsEntry("file", dir.resolve("missing.conf").toString())
                .containsEntry("error", "cannot read " + dir.resolve("missing.conf") + ": no such file")
                .containsEntry("diagnostics", List.of());
        assertThat(((Number) files.get(1).get("errors")).intValue()).isEqualTo(1);
    }

    /**
     * The SARIF 2.1.0 structure GitHub code scanning reads: version, runs[].tool.driver.name and rules,
     * results with ruleId, level, message.text and a physical location with a 1-based region. (SarifSchemaTest
     * validates the whole log against the SARIF 2.1.0 schema; this checks what the values must be.)
     */
    @Test
    @SuppressWarnings("unchecked")
    void sarifHasTheStructureOfSarif210() {
        Path file = classroom();
        CliRun r = CliRun.run("lint", "--format", "sarif", file.toString(), dir.resolve("missing.conf").toString());
        assertThat(r.status()).isEqualTo(2);
        Map<String, Object> log = (Map<String, Object>) MiniJson.parse(r.out());
        assertThat(log).containsEntry("version", "2.1.0").containsKey("$schema");
        List<Map<String, Object>> runs = (List<Map<String, Object>>) log.get("runs");
        assertThat(runs).hasSize(1);
        Map<String, Object> run = runs.get(0);
        Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
        assertThat(driver).containsEntry("name", "lxcconf");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) driver.get("rules");
        List<Map<String, Object>> results = (List<Map<String, Object>>) run.get("results");
        assertThat(results).isNotEmpty();
        for (Map<String, Object> result : results) {
            String ruleId = (String) result.get("ruleId");
            int index = ((Number) result.get("ruleIndex")).intValue();
            assertThat(rules.get(index)).containsEntry("id", ruleId);
            assertThat(result.get("level")).isIn("error", "warning", "note");
            assertThat(((Map<String, Object>) result.get("message")).get("text")).asString().isNotBlank();
            Map<String, Object> location = (Map<String, Object>) ((List<Map<String, Object>>) result.get("locations"))
                    .get(0).get("physicalLocation");
            assertThat(((Map<String, Object>) location.get("artifactLocation")).get("uri"))
                    .isEqualTo(file.toUri().toASCIIString());
            Map<String, Object> region = (Map<String, Object>) location.get("region");
            assertThat(((Number) region.get("startLine")).intValue()).isPositive();
            assertThat(((Number) region.get("startColumn")).intValue()).isPositive();
        }
        assertThat(results).anyMatch(m -> m.get("ruleId").equals("VAL010") && m.get("level").equals("warning"));
        Map<String, Object> invocation = ((List<Map<String, Object>>) run.get("invocations")).get(0);
        assertThat(invocation).containsEntry("executionSuccessful", false);
        assertThat((List<Object>) invocation.get("toolExecutionNotifications")).hasSize(1);
        assertThat(LintCommand.uri("dir with space/102.conf")).isEqualTo("dir%20with%20space/102.conf");
    }

    @Test
    void helpCommandAndCompletionValues() {
        CliRun help = CliRun.run("help", "lint");
        assertThat(help.status()).isZero();
        assertThat(help.out()).isEqualTo(CliRun.run("lint", "--help").out()).contains("Usage: lxcconf lint ")
                .contains("--min-severity");
        CliRun completion = CliRun.run("generate-completion");
        assertThat(completion.out()).contains("(\"5.0\" \"6.0\" \"7.0\")").contains("(\"lxc\" \"proxmox\")")
                .contains("(\"text\" \"json\" \"sarif\")")
                .doesNotContain("V6_0");
    }

    @Test
    void hostCgroupV1LeavesOutTheCgroup2Advice() {
        Path file = classroom();
        assertThat(CliRun.run("lint", file.toString()).out()).contains("[PVE207]");
        assertThat(CliRun.run("lint", "--host-cgroup", "v1", file.toString()).out()).doesNotContain("[PVE207]")
                .doesNotContain("on a cgroup2 host");
    }

    @Test
    void getDescriptionPrintsTheDecodedNotes() {
        Path file = CliRun.write(dir, "100.conf", "#Web server%3A nginx\n#second line\narch: amd64\n");
        CliRun r = CliRun.run("get", file.toString(), "description");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("Web server: nginx\nsecond line\n");
    }
}
