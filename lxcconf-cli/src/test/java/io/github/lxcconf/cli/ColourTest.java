package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ColourTest {
    private static final String ESC = "\u001b[";

    @ParameterizedTest(name = "{0}, terminal={1}, NO_COLOR={2}, TERM={3} -> {4}")
    @CsvSource(nullValues = "unset", value = {
            "AUTO,   true,  unset, xterm, true",
            "AUTO,   true,  1,     xterm, false",
            "AUTO,   true,  '',    xterm, true",
            "AUTO,   true,  unset, unset, true",
            "AUTO,   true,  unset, dumb,  false",
            "AUTO,   false, unset, xterm, false",
            "ALWAYS, false, 1,     dumb,  true",
            "ALWAYS, true,  unset, xterm, true",
            "NEVER,  true,  unset, xterm, false",
    })
    void decision(ColourMode mode, boolean terminal, String noColor, String term, boolean expected) {
        Map<String, String> env = new HashMap<>();
        if (noColor != null) {
            env.put("NO_COLOR", noColor);
        }
        if (term != null) {
            env.put("TERM", term);
        }
        assertThat(ColourMode.enabled(mode, terminal, env)).isEqualTo(expected);
    }

    @Test
    void lintColoursSeveritiesOnATerminal(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.with(new byte[0], Map.of("TERM", "xterm"), true, Hooks.NONE, "lint", file.toString());
        assertThat(r.out()).contains(ESC + "1;35mwarning:" + ESC + "0m")
                .contains(ESC + "1m" + file + ":13:1:" + ESC + "0m");
    }

    @Test
    void noColorTurnsColourOffOnATerminal(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.with(new byte[0], Map.of("NO_COLOR", "1"), true, Hooks.NONE, "lint", file.toString());
        assertThat(r.out()).contains(file + ":13:1: warning: ").doesNotContain(ESC);
        CliRun help = CliRun.with(new byte[0], Map.of("NO_COLOR", "1"), true, Hooks.NONE, "lint", "--help");
        assertThat(help.out()).doesNotContain(ESC);
    }

    @Test
    void noColourWhenNotATerminal(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        assertThat(CliRun.run("lint", file.toString()).out()).doesNotContain(ESC);
        assertThat(CliRun.run("explain", file.toString()).out()).doesNotContain(ESC);
        assertThat(CliRun.run("--help").out()).doesNotContain(ESC);
    }

    @Test
    void colorAlwaysForcesColourEvenWithNoColor(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.with(new byte[0], Map.of("NO_COLOR", "1"), false, Hooks.NONE,
                "explain", "--color=always", file.toString());
        assertThat(r.out()).contains(ESC + "2m  1 |" + ESC + "0m " + ESC + "1march: amd64" + ESC + "0m\n");
    }

    @Test
    void colorNeverWinsOnATerminal(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.with(new byte[0], Map.of(), true, Hooks.NONE, "lint", "--color=never", file.toString());
        assertThat(r.out()).doesNotContain(ESC);
    }
}
