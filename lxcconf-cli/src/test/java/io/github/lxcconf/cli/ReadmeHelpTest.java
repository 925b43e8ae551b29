package io.github.lxcconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows what the command prints today. */
class ReadmeHelpTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void rootHelpInTheReadme() throws IOException {
        CliRun help = CliRun.run("--help");
        assertThat(help.status()).isZero();
        assertThat(Files.readString(README)).contains("```\n" + help.out().stripTrailing() + "\n```\n");
    }

    @Test
    void theReadmeMainJobRunsTheCommandOnTheBundledClassroomConfig() throws IOException {
        String readme = Files.readString(README);
        int marker = readme.indexOf("<!-- main-job -->\n```sh\n");
        assertThat(marker).isNotNegative();
        String command = readme.substring(marker).lines().skip(2).findFirst().orElseThrow();
        String conf = "lxcconf-examples/src/main/resources/classroom-102.conf";
        assertThat(command).contains("java -jar lxcconf-cli/target/lxcconf.jar explain " + conf)
                .contains("java -jar lxcconf-cli/target/lxcconf.jar lint " + conf);
        assertThat(Path.of("..", conf)).isRegularFile();
        // what the smoke test of .ci/run looks for
        CliRun explain = CliRun.run("explain", Path.of("..", conf).toString());
        assertThat(explain.out()).contains(" 13 | lxc.cgroup.devices.allow: c 10:232 rwm\n").contains("\nSummary\n");
        CliRun lint = CliRun.run("lint", Path.of("..", conf).toString());
        assertThat(lint.status()).as("warnings only: the one-line command goes on").isZero();
    }
}
