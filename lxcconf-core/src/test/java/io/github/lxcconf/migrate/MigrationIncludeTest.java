package io.github.lxcconf.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A legacy interface is numbered above the interfaces of the files the config includes. */
class MigrationIncludeTest {
    @TempDir
    Path dir;

    private static final String LEGACY = "lxc.include = net.conf\nlxc.network.type = veth\nlxc.network.name = eth7\n";

    @Test
    void aLegacyInterfaceTakesTheFirstNumberNoIncludedFileUses() throws IOException {
        Files.writeString(dir.resolve("net.conf"), "lxc.net.0.type = veth\nlxc.net.0.name = eth0\n"
                + "lxc.include = more.conf\n");
        Files.writeString(dir.resolve("more.conf"), "lxc.net.2.type = empty\n");
        LxcConfig config = LxcConfig.parse(LEGACY);
        assertThat(config.migrate().config().render()).as("the config alone")
                .isEqualTo("lxc.include = net.conf\nlxc.net.0.type = veth\nlxc.net.0.name = eth7\n");
        Migration m = config.migrate(MigrationOptions.all().withIncludesFrom(dir));
        assertThat(m.config().render())
                .isEqualTo("lxc.include = net.conf\nlxc.net.3.type = veth\nlxc.net.3.name = eth7\n");
        assertThat(m.changes()).extracting(Change::line).containsExactly(2, 3);
    }

    @Test
    void anOldTreeIsReadToItsEndAndAMissingIncludeAddsNothing() throws IOException {
        // liblxc 5 stops at the legacy key in the included file; the numbering still sees lxc.net.1 below it
        Files.writeString(dir.resolve("net.conf"), "lxc.utsname = old\nlxc.net.1.type = veth\n");
        assertThat(LxcConfig.parse(LEGACY).migrate(MigrationOptions.all().withIncludesFrom(dir)).config().render())
                .contains("lxc.net.2.type = veth");
        assertThat(LxcConfig.parse("lxc.include = gone.conf\nlxc.network.type = veth\n")
                .migrate(MigrationOptions.all().withIncludesFrom(dir)).config().render())
                .isEqualTo("lxc.include = gone.conf\nlxc.net.0.type = veth\n");
    }

    @Test
    void theOptionIsKeptByEveryWither() {
        MigrationOptions o = MigrationOptions.all().withIncludesFrom(dir);
        assertThat(o.includeBase()).contains(dir);
        assertThat(o.withLegacyKeys(false).withCgroup2(false).withProxmoxDevices(false).withWidening(true)
                .includeBase()).contains(dir);
        assertThat(MigrationOptions.all().includeBase()).isEmpty();
        assertThat(new MigrationOptions(true, true, true, false)).isEqualTo(MigrationOptions.all());
        assertThatThrownBy(() -> new MigrationOptions(true, true, true, false, null))
                .isInstanceOf(NullPointerException.class).hasMessage("includeBase");
        assertThat(Optional.of(o)).isNotEqualTo(Optional.of(MigrationOptions.all()));
    }
}
