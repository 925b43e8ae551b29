package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun r = CliRun.run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("lxcconf 0.1.0-SNAPSHOT\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void subcommandsPrintTheVersionToo() {
        assertThat(CliRun.run("lint", "--version").out()).isEqualTo("lxcconf 0.1.0-SNAPSHOT\n");
    }

    @Test
    void rootHelpListsEveryCommandWithExamplesAndExitStatus() {
        CliRun r = CliRun.run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: lxcconf [-hV] COMMAND\n")
                .contains("\nCommands:\n"
                        + "  explain       Explain every line of a config in plain English, then sum it up.\n"
                        + "  lint          Check configs; print compiler-style FILE:LINE:COLUMN messages.\n"
                        + "  migrate       Migrate legacy keys and cgroup v1 settings; print a diff.\n"
                        + "  edit          Edit a config: devices, bind mounts, keys; print a diff.\n"
                        + "  get           Print the value(s) of a key.\n"
                        + "  fmt           Print a config in the canonical style, or check that it is.\n"
                        + "  start-config  Print the native LXC config Proxmox VE writes at start.\n")
                .contains("\nExit status:\n  0   success (lint: no errors)\n")
                .contains("\nExamples:\n  lxcconf explain /etc/pve/lxc/102.conf\n");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"explain", "lint", "migrate", "edit", "get", "fmt"})
    void everyCommandHasHelpWithADescriptionAndExamples(String command) {
        CliRun r = CliRun.run(command, "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("Usage: lxcconf " + command + " \\[-[a-zA-Z]*h")
                .contains("\nExit status:\n")
                .containsPattern("\nExamples:\n  lxcconf " + command + " ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = CliRun.run();
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lxcconf: missing command\nTry 'lxcconf --help' for more information.\n");
    }

    @Test
    void aMisspeltCommandGetsASuggestion() {
        CliRun r = CliRun.run("expain", "x.conf");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: unknown command 'expain'\n"
                + "Did you mean: lxcconf explain or lxcconf lint?\n"
                + "Try 'lxcconf --help' for more information.\n");
    }

    @Test
    void aMisspeltOptionGetsASuggestion() {
        CliRun r = CliRun.run("lint", "--formt", "json", "x.conf");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: Unknown option: '--formt'\n"
                + "Possible solutions: --format\n"
                + "Try 'lxcconf lint --help' for more information.\n");
    }

    @Test
    void aMissingParameterIsAUsageError() {
        CliRun r = CliRun.run("lint");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: Missing required parameter: 'FILE'\n"
                + "Try 'lxcconf lint --help' for more information.\n");
    }

    @Test
    void thePublicEntryPointRunsWithoutColour() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"get", "-", "lxc.uts.name"},
                new ByteArrayInputStream("lxc.uts.name = web\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out), new PrintStream(err), Map.of());
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("web\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void generatesABashCompletionScriptThatKnowsEveryCommand() {
        CliRun r = CliRun.run("generate-completion");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_lxcconf")
                .contains("explain").contains("lint").contains("migrate").contains("fmt")
                .contains("--allow-device").contains("--format");
        assertThat(CliRun.run("--help").out()).as("hidden from the command list").doesNotContain("generate-completion");
    }
}
