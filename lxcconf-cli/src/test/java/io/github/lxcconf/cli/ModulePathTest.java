package io.github.lxcconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lxcconf command on the module path: {@code java --module-path ... -m io.github.lxcconf.cli/...Main}
 * in a JVM of its own, with the modules the build made (core and grammar as jars once they are packaged)
 * and their dependencies. It prints what it prints on the class path, reads its tables and device lists
 * from inside the core module, and the core module exports no internal package.
 */
class ModulePathTest {
    /** The modules the command needs at run time, and nothing else from the test class path. */
    private static final Set<String> RUNTIME = Set.of("io.github.lxcconf.cli", "io.github.lxcconf",
            "io.github.lxcconf.grammar", "org.antlr.antlr4.runtime", "org.slf4j", "org.slf4j.nop", "info.picocli");

    private static final Map<String, Path> MODULES = new TreeMap<>();

    @TempDir
    Path dir;

    private record Ran(int status, String out, String err) {
    }

    @BeforeAll
    static void findModules() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.getFileName().toString().equals("test-classes") || !Files.exists(path)) {
                continue;
            }
            try {
                for (ModuleReference module : ModuleFinder.of(path).findAll()) {
                    if (RUNTIME.contains(module.descriptor().name())) {
                        MODULES.putIfAbsent(module.descriptor().name(), path);
                    }
                }
            } catch (FindException notAModule) {
                // a test dependency that cannot be a module: not needed here
            }
        }
        assertThat(MODULES.keySet()).as("modules found on " + System.getProperty("java.class.path"))
                .containsExactlyInAnyOrderElementsOf(RUNTIME);
    }

    private static Ran java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", MODULES.values().stream().map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator))));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private static Ran lxcconf(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-m", "io.github.lxcconf.cli/io.github.lxcconf.cli.Main"));
        command.addAll(List.of(args));
        return java(command.toArray(String[]::new));
    }

    private static void sameAsOnTheClassPath(Ran modules, String... args) {
        CliRun classPath = CliRun.run(args);
        assertThat(modules.err()).as("standard error").isEqualTo(classPath.err());
        assertThat(modules.out()).as("standard output").isEqualTo(classPath.out());
        assertThat(modules.status()).as("exit status").isEqualTo(classPath.status());
    }

    @Test
    void versionAndHelpOnTheModulePath() throws Exception {
        Ran version = lxcconf("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("lxcconf ");
        sameAsOnTheClassPath(version, "--version");

        // picocli reads the commands' options by reflection: the package is open to it
        sameAsOnTheClassPath(lxcconf("lint", "--help"), "lint", "--help");
    }

    @Test
    void lintAndExplainReadTheTablesAndDeviceListsInsideTheModule() throws Exception {
        Path classroom = CliRun.copy("classroom-102.conf", dir);
        Ran lint = lxcconf("lint", classroom.toString());
        assertThat(lint.out()).contains(":13:1: warning: ");
        sameAsOnTheClassPath(lint, "lint", classroom.toString());

        Path unprivileged = CliRun.write(dir, "unprivileged.conf", """
                lxc.include = /usr/share/lxc/config/common.conf
                lxc.include = /usr/share/lxc/config/userns.conf
                lxc.idmap = u 0 100000 65536
                lxc.idmap = g 0 100000 65536
                lxc.cgroup2.devices.allow = c 10:200 rwm
                lxc.utsname = old
                """);
        Ran explain = lxcconf("explain", unprivileged.toString());
        assertThat(explain.out()).contains("/dev/net/tun");
        sameAsOnTheClassPath(explain, "explain", unprivileged.toString());
        sameAsOnTheClassPath(lxcconf("lint", "--format", "json", unprivileged.toString()),
                "lint", "--format", "json", unprivileged.toString());
    }

    @Test
    void theCoreModuleExportsNoInternalPackage() throws Exception {
        Ran core = java("--describe-module", "io.github.lxcconf");
        assertThat(core.status()).isZero();
        List<String> lines = core.out().lines().collect(Collectors.toList());
        assertThat(lines).contains("exports io.github.lxcconf", "exports io.github.lxcconf.edit",
                "requires io.github.lxcconf.grammar", "contains io.github.lxcconf.internal");
        assertThat(lines).noneMatch(line -> line.startsWith("exports io.github.lxcconf.internal"))
                .noneMatch(line -> line.startsWith("opens "));

        Ran grammar = java("--describe-module", "io.github.lxcconf.grammar");
        assertThat(grammar.out().lines()).contains("qualified exports io.github.lxcconf.grammar.internal to io.github.lxcconf")
                .noneMatch(line -> line.startsWith("exports "));

        Ran cli = java("--describe-module", "io.github.lxcconf.cli");
        assertThat(cli.out().lines()).contains("qualified opens io.github.lxcconf.cli to info.picocli")
                .noneMatch(line -> line.startsWith("exports ") || line.startsWith("opens "));
    }

    @Test
    void theModulesResolveWithoutTheClassPath() throws Exception {
        // every module the command reads is found on the module path: no split package, nothing missing
        Ran resolved = java("--show-module-resolution", "--dry-run", "-m",
                "io.github.lxcconf.cli/io.github.lxcconf.cli.Main");
        assertThat(resolved.status()).as(resolved.err()).isZero();
        ModuleDescriptor descriptor = ModuleFinder.of(MODULES.get("io.github.lxcconf.cli")).find("io.github.lxcconf.cli")
                .orElseThrow().descriptor();
        assertThat(descriptor.exports()).isEmpty();
        assertThat(resolved.out()).contains("root io.github.lxcconf.cli ")
                .contains("io.github.lxcconf.cli requires io.github.lxcconf ")
                .contains("org.slf4j binds org.slf4j.nop ");
    }
}
