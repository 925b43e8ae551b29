package io.github.lxcconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code main} in a JVM of its own, with pipes for its streams: the exit status reaches the
 * shell, nothing is coloured for a pipe, standard input is read for {@code -}.
 */
class ProcessTest {
    @TempDir
    Path dir;

    private record Ran(int status, String out, String err) {
    }

    private static Ran lxcconf(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("NO_COLOR");
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void exitStatusesReachTheShellAndPipesGetNoColour() throws Exception {
        Path classroom = CliRun.copy("classroom-102.conf", dir);
        Ran lint = lxcconf("", "lint", classroom.toString());
        assertThat(lint.status()).isZero();
        assertThat(lint.out()).contains(":13:1: warning: ").doesNotContain("\u001b[");

        Path broken = CliRun.write(dir, "config", "lxc.utsname = old\n");
        assertThat(lxcconf("", "lint", broken.toString()).status()).isEqualTo(1);

        Ran missing = lxcconf("", "explain", dir.resolve("missing.conf").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).startsWith("lxcconf: cannot read ").doesNotContain("Exception");

        Ran stdin = lxcconf("lxc.uts.name = web1\n", "get", "-", "lxc.uts.name");
        assertThat(stdin.status()).isZero();
        assertThat(stdin.out()).isEqualTo("web1\n");
    }

    @Test
    void aTestRunIsNoTerminal() {
        // surefire's JVM has pipes, not a terminal: on any Java version the command must see that
        assertThat(Main.terminal()).isFalse();
    }
}
