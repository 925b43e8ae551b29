package io.github.lxcconf.it;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the tests of real containers need from this machine: root, liblxc's {@code lxc-execute}, its headers
 * and a static busybox. Where something is missing the tests skip and say what; with the environment variable
 * {@code LXCCONF_REQUIRE_LXC=1} (set by {@code .ci/run}) a missing piece fails the test instead, so a green run
 * proves that the containers really ran.
 *
 * <pre>{@code
 * @BeforeAll
 * static void needsLxc() {
 *     LxcHost.require();
 * }
 * }</pre>
 */
public final class LxcHost {

    /** The environment variable that turns a skip into a failure. */
    public static final String REQUIRE = "LXCCONF_REQUIRE_LXC";

    private LxcHost() {
    }

    /**
     * Skips the calling test (or fails it when {@value #REQUIRE} is {@code 1}) unless this machine can start
     * containers and build against liblxc.
     */
    public static void require() {
        missing().ifPresent(why -> {
            if ("1".equals(System.getenv(REQUIRE))) {
                Assertions.fail(REQUIRE + "=1 but real containers cannot run here: " + why);
            }
            Assumptions.abort("real containers cannot run here (" + why + "); install with "
                    + "'apt-get install -y --no-install-recommends lxc lxc-dev busybox-static' and run as root");
        });
    }

    /** Returns what is missing, or empty when everything is there. */
    static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            missing.add("not root");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/lxc-execute"))) {
            missing.add("no /usr/bin/lxc-execute");
        }
        if (!Files.isRegularFile(Path.of("/usr/include/lxc/lxccontainer.h"))) {
            missing.add("no liblxc headers (lxc-dev)");
        }
        if (!Files.isExecutable(Path.of("/bin/busybox"))) {
            missing.add("no /bin/busybox (busybox-static)");
        }
        if (!Files.isRegularFile(Path.of("/usr/share/lxc/config/common.conf"))) {
            missing.add("no /usr/share/lxc/config/common.conf");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }
}
