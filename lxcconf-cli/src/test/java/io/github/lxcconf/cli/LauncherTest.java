package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The launcher script, run by sh with a stand-in java that prints the arguments it gets. */
class LauncherTest {
    @TempDir
    Path dir;

    private String run(Path launcher, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().remove("LXCCONF_JAR");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void worksThroughASymlinkAndArchivesOnlyARealCommand() throws Exception {
        Path script = Path.of("src/main/sh/lxcconf").toAbsolutePath();
        assumeTrue(Files.isRegularFile(script) && Files.isExecutable(Path.of("/bin/sh")), "no sh");
        Path install = Files.createDirectories(dir.resolve("opt/lxcconf"));
        Path launcher = Files.copy(script, install.resolve("lxcconf"));
        Files.write(install.resolve("lxcconf.jar"), new byte[0]);
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("usr/local/bin")).resolve("lxcconf"),
                launcher);

        String version = run(link, "--version");
        assertThat(version).contains("-jar " + install.resolve("lxcconf.jar") + " --version")
                .doesNotContain("ArchiveClassesAtExit").doesNotContain("not found");
        String explain = run(link, "explain", "102.conf");
        assertThat(explain).contains("-XX:ArchiveClassesAtExit=").contains(" explain 102.conf");
    }
}
