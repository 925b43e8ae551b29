package io.github.lxcconf.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With includes resolved, a device rule names the included file and line that denied every device. */
class IncludedExplanationTest {
    @TempDir
    Path dir;

    @Test
    void theIncludedDenyAllIsNamedWithItsLine() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/corpus/lxc/lxc-upstream/v6.0.6/templates/common.conf")) {
            Files.write(dir.resolve("common.conf"), in.readAllBytes());
        }
        int denyLine = Files.readAllLines(dir.resolve("common.conf")).indexOf("lxc.cgroup.devices.deny = a") + 1;
        assertThat(denyLine).isPositive();
        LxcConfig config = LxcConfig.parse("lxc.include = common.conf\nlxc.cgroup.devices.allow = c 10:232 rwm\n");
        String explained = config.explain(dir).line(2).orElseThrow().explanation();
        assertThat(explained).contains("common.conf line " + denyLine
                + " denies every device (lxc.cgroup.devices.deny = a); this line allows /dev/kvm back.");
        // without includes, the explanation speaks of LXC's default
        assertThat(config.explain().line(2).orElseThrow().explanation())
                .contains("LXC's default lxc.cgroup.devices.deny = a (common.conf)");
    }
}
