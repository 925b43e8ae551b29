package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

    @Test
    void onJava25UsesAnAheadOfTimeCacheRecordedOnTheFirstRun() throws Exception {
        Path script = Path.of("src/main/sh/lxcconf").toAbsolutePath();
        assumeTrue(Files.isRegularFile(script) && Files.isExecutable(Path.of("/bin/sh")), "no sh");
        Path launcher = Files.copy(script, Files.createDirectories(dir.resolve("opt")).resolve("lxcconf"));
        Files.write(dir.resolve("opt/lxcconf.jar"), new byte[0]);
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.writeString(dir.resolve("jdk/release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        // the stand-in java writes the files the real one would: the record, then the cache
        Path java = Files.writeString(bin.resolve("java"), """
                #!/bin/sh
                echo "java $*"
                for a in "$@"; do
                  case $a in
                    -XX:AOTConfiguration=*) echo record > "${a#*=}" ;;
                    -XX:AOTCache=*) case "$*" in *AOTMode=create*) echo cache > "${a#*=}" ;; esac ;;
                  esac
                done
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        // a cache is used only when newer than the jar and the java command
        for (Path p : List.of(java, dir.resolve("opt/lxcconf.jar"))) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
        }

        String first = run(launcher, "lint", "102.conf");
        assertThat(first).contains("-XX:AOTMode=record").contains(" lint 102.conf")
                .doesNotContain("ArchiveClassesAtExit").doesNotContain("-Xshare");
        Path cache = dir.resolve("home/.cache/lxcconf");
        try (var files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).singleElement()
                    .satisfies(name -> assertThat(name).matches("classes-[0-9]+\\.aot"));
        }
        String second = run(launcher, "lint", "102.conf");
        assertThat(second).contains("-XX:AOTCache=" + cache).contains(" lint 102.conf")
                .doesNotContain("AOTMode").doesNotContain("SharedArchiveFile");
    }
}
