package io.github.lxcconf.explain;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.validate.ValidationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A config's lxc.seccomp.profile is followed when the options name a base directory. */
class SeccompProfileExplanationTest {

    private static final String CONFIG = "lxc.uts.name = web\nlxc.seccomp.profile = rules.seccomp\n";

    @Test
    void saysWhatTheProfileDoes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.seccomp"), "2\ndenylist\nsethostname errno 1\n");
        Explanation e = LxcConfig.parse(CONFIG).explain(ValidationOptions.defaults().withIncludesFrom(dir));
        assertThat(e.line(2).orElseThrow().sentences()).containsExactly(
                "Loads the seccomp profile rules.seccomp: a list of system calls (kernel functions) the container is"
                        + " allowed or denied to call, such as kexec_load or init_module.",
                "The profile says: Version 2 denylist: a system call no rule names is allowed. sethostname fails"
                        + " with EPERM (Operation not permitted).");
        assertThat(e.summary().relaxations()).containsExactly("seccomp profile rules.seccomp replaces the default"
                + " system call filter: The profile says: Version 2 denylist: a system call no rule names is allowed."
                + " sethostname fails with EPERM (Operation not permitted).");
    }

    @Test
    void saysWhenTheProfileCannotBeRead(@TempDir Path dir) {
        Explanation e = LxcConfig.parse(CONFIG).explain(ValidationOptions.defaults().withIncludesFrom(dir));
        assertThat(e.line(2).orElseThrow().sentences()).last().isEqualTo("the seccomp profile "
                + dir.resolve("rules.seccomp") + " cannot be read (no such file): liblxc does not start the"
                + " container (\"Failed to open seccomp policy file\").");
    }

    @Test
    void withoutABaseDirectoryTheFileIsNotRead() {
        Explanation e = LxcConfig.parse(CONFIG).explain();
        assertThat(e.line(2).orElseThrow().sentences()).hasSize(1);
        assertThat(e.summary().relaxations()).containsExactly(
                "seccomp profile rules.seccomp replaces the default system call filter");
    }
}
