package io.github.lxcconf.it.container;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.explain.Explanation;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.ContainerRun;
import io.github.lxcconf.it.Containers;
import io.github.lxcconf.it.LxcHost;
import io.github.lxcconf.seccomp.SeccompPolicy;
import io.github.lxcconf.validate.ValidationOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seccomp policies on real containers: what a policy does to a system call, and which policies liblxc refuses
 * at start, against what {@link SeccompPolicy} says.
 */
class SeccompContainerTest {

    private static final String HOSTNAME = "hostname lxcconf-x; echo \"rc=$?\"";

    @BeforeAll
    static void needsLxc() {
        LxcHost.require();
    }

    private static Path writePolicy(Path dir, String name, String text) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aPolicyThatRefusesSethostnameMakesHostnameFail(@TempDir Path dir) throws IOException {
        Path policy = writePolicy(dir, "rules.seccomp", "2\ndenylist\nsethostname errno 1\n");
        String config = Containers.config("lxc.seccomp.profile = rules.seccomp");
        String runnable = config.replace("= rules.seccomp", "= " + policy);

        ContainerRun refused = Containers.run(CgroupHost.HYBRID, runnable, HOSTNAME);
        assertThat(refused.stdout()).as(refused.describe()).contains("rc=1");
        assertThat(refused.stderr()).contains("hostname: sethostname: Operation not permitted");
        assertThat(refused.log()).contains("Adding native rule for syscall[170:sethostname] action[327681:errno]");

        ContainerRun allowed = Containers.run(CgroupHost.HYBRID, Containers.config(), HOSTNAME + "; hostname");
        assertThat(allowed.stdout()).as(allowed.describe()).contains("rc=0").contains("lxcconf-x");

        // the explanation says the same: of the policy, and of the config that names it
        SeccompPolicy read = SeccompPolicy.read(policy);
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.explain().summary()).contains("sethostname fails with EPERM (Operation not permitted).");
        Explanation e = LxcConfig.parse(config).explain(ValidationOptions.defaults().withIncludesFrom(dir));
        int line = (int) config.lines().takeWhile(l -> !l.startsWith("lxc.seccomp.profile")).count() + 1;
        assertThat(e.line(line).orElseThrow().sentences()).last().asString()
                .endsWith("sethostname fails with EPERM (Operation not permitted).");
    }

    /** A policy and whether liblxc 5.0.2 starts a container with it (measured here, and asserted each run). */
    private record Case(String policy, boolean starts) {
    }

    @Test
    void liblxcRefusesWhatTheChecksCallErrors(@TempDir Path dir) throws IOException {
        List<Case> cases = List.of(
                new Case("2\ndenylist\nsethostname errno 1\n", true),
                new Case("2\ndenylist\nsethostname log\n", false),
                new Case("2\ndenylist\nsethostname trace\n", false),
                new Case("2\ndenylist\n sethostname errno 1\n", false),
                new Case("2\ndenylist\n  # indented comment\n", true),
                new Case("2\ndenylist\n[loongarch64]\nsethostname errno 1\n", false),
                new Case("2\ndenylist\n[amd64]\n", false),
                new Case("2\ndenylist\n[X86_64]\n[x32]\nsethostname errno 1\n[ALL]\n", true),
                new Case("2\ndenylist\nnosuchcall errno 1\n", true),
                new Case("2\ndenylist\nnosuchcall errno 5000\n", true),
                new Case("2\ndenylist\nsethostname errno 4095\n", false),
                new Case("2\ndenylist\nsethostname errno 4094\n", true),
                new Case("2\ndenylist\nsethostname allow\n", false),
                new Case("2\ndenylist\nsethostname errno 1 [0,1,==] [0,2,==]\n", false),
                new Case("2\ndenylist\numount2 errno 2 [1,1,==]\numount2 errno 3 [1,1,==]\n", false),
                new Case("2\ndenylist\nmknod errno 1 [1,8192,&=,61440] \n", false),
                new Case("2\ndenylist\nmknod errno 1 [1,2,==5]\n", true),
                new Case("2\ndenylist\nmknod errno 1 [1, 2,==]\n", true),
                new Case("2\ndenylist\nmknod errno 1 [1,2, ==]\n", false),
                new Case("2\ndenylist\nmknod errno 1 [6,2,==]\n", false),
                new Case("2\ndenylist \nsethostname\n", false),
                new Case("2 denylist\nsethostname errno 1\n", true),
                new Case("2\ndenylist debug\n", false),
                new Case("3\ndenylist\n", false),
                new Case("1\nwhitelist\n0\n", false),
                new Case("2\r\ndenylist\r\nsethostname errno 1\r\n", true),
                new Case("2\r\ndenylist\r\n[all]\r\n", false));
        List<Supplier<ContainerRun>> runs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Path file = writePolicy(dir, "p" + i + ".seccomp", cases.get(i).policy());
            runs.add(() -> Containers.run(CgroupHost.HYBRID, Containers.config("lxc.seccomp.profile = " + file),
                    "echo started", "INFO"));
        }
        List<ContainerRun> results = Containers.inParallel(runs);
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            ContainerRun run = results.get(i);
            boolean started = run.stdout().contains("started");
            assertThat(run.log().contains("Failed to read seccomp policy")).as(run.describe()).isEqualTo(!started);
            List<Diagnostic> errors = SeccompPolicy.parse(c.policy()).diagnostics().stream()
                    .filter(Diagnostic::isError).toList();
            assertThat(started).as("liblxc on %s%s", c.policy(), run.describe()).isEqualTo(c.starts());
            assertThat(errors.isEmpty()).as("lxcconf on %s: %s", c.policy(), errors).isEqualTo(started);
        }
    }

    /**
     * Every corpus policy on a real container: liblxc refuses exactly those with an lxcconf error (an allowlist
     * that liblxc accepts may still stop the container's shell; that is the policy working, not a refusal).
     */
    @Test
    void corpusPoliciesAreRefusedExactlyWhenTheChecksSaySo() throws Exception {
        // lxcconf-core's copy of the corpus, as liblxc.Corpus finds it
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize()
                .resolveSibling("lxcconf-core").resolve("src/test/resources/corpus/seccomp");
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".seccomp")).sorted().toList();
        }
        assertThat(files).hasSize(9);
        List<Supplier<ContainerRun>> runs = new ArrayList<>();
        for (Path f : files) {
            runs.add(() -> Containers.run(CgroupHost.HYBRID, Containers.config("lxc.seccomp.profile = " + f),
                    "echo started", "INFO"));
        }
        List<ContainerRun> results = Containers.inParallel(runs);
        int refused = 0;
        for (int i = 0; i < files.size(); i++) {
            boolean liblxcRefuses = results.get(i).log().contains("Failed to read seccomp policy");
            refused += liblxcRefuses ? 1 : 0;
            boolean errors = SeccompPolicy.read(files.get(i)).diagnostics().stream().anyMatch(Diagnostic::isError);
            assertThat(errors).as("%s%s", files.get(i), results.get(i).describe()).isEqualTo(liblxcRefuses);
        }
        assertThat(refused).as("only the LXC 2.0 v1 whitelist example").isEqualTo(1);
    }
}
