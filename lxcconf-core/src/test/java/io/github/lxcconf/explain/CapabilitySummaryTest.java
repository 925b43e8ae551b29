package io.github.lxcconf.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("the summary compares lxc.cap.drop / lxc.cap.keep with the defaults")
class CapabilitySummaryTest {

    private static final String COMMON_DROPS = "mac_admin, mac_override, sys_time, sys_module and sys_rawio";
    private static final String PROXMOX_PRIVILEGED = "defaults: when it starts the container, Proxmox includes"
            + " /usr/share/lxc/config/debian.common.conf, which includes LXC's common.conf; that file drops "
            + COMMON_DROPS;

    @TempDir
    Path dir;

    @BeforeEach
    void copyLxcDefaults() throws IOException {
        for (String name : List.of("common.conf", "userns.conf")) {
            try (InputStream in = getClass().getResourceAsStream("/corpus/lxc/lxc-upstream/v6.0.6/templates/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
    }

    private static List<String> caps(String text) {
        return LxcConfig.parse(text).explain().summary().capabilities();
    }

    private List<String> capsWithIncludes(String text) {
        return LxcConfig.parse(text).explain(dir).summary().capabilities();
    }

    @Test
    @DisplayName("Proxmox, privileged, no cap line: the distribution's common.conf applies, nothing changes")
    void proxmoxPrivileged() {
        assertThat(caps("arch: amd64\nostype: debian\n")).containsExactly(PROXMOX_PRIVILEGED,
                "this config adds nothing to the defaults and removes nothing from them");
    }

    @Test
    @DisplayName("Proxmox, unprivileged: userns.conf clears the list again")
    void proxmoxUnprivileged() {
        assertThat(caps("arch: amd64\nostype: debian\nunprivileged: 1\n").get(0)).isEqualTo(PROXMOX_PRIVILEGED
                + "; for an unprivileged container Proxmox also includes userns.conf, which clears that list again"
                + " (root keeps every capability inside its user namespace, which is what confines it)");
    }

    @Test
    @DisplayName("Proxmox, privileged, an empty lxc.cap.drop: every default drop is kept")
    void proxmoxEmptyDrop() {
        assertThat(caps("arch: amd64\nostype: debian\nlxc.cap.drop:\n")).containsExactly(PROXMOX_PRIVILEGED,
                "line 3 (lxc.cap.drop =) clears the list: the container keeps every capability the defaults would"
                        + " drop");
    }

    @Test
    @DisplayName("Proxmox, privileged, lxc.cap.keep without clearing: liblxc refuses it")
    void proxmoxKeepRefused() {
        assertThat(caps("arch: amd64\nostype: debian\nlxc.cap.keep: sys_admin\n")).containsExactly(
                PROXMOX_PRIVILEGED,
                "keeps only: sys_admin; every other capability is dropped (line 3)",
                "liblxc refuses lxc.cap.keep after the lxc.cap.drop list of the defaults (\"Keeping and dropping"
                        + " capabilities are mutually exclusive\"); an empty 'lxc.cap.drop =' line before it clears"
                        + " that list");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            native, no include, no cap line | lxc.uts.name = a | defaults: none; this config includes no other file, and liblxc itself drops no capability
            native, include not read        | lxc.include = /usr/share/lxc/config/debian.common.conf | defaults: whatever the lxc.include lines pull in (/usr/share/lxc/config/debian.common.conf), not read here; usually a distribution config that includes LXC's common.conf, which drops mac_admin, mac_override, sys_time, sys_module and sys_rawio (an unprivileged container's userns.conf clears that list again)
            native, own drop                | lxc.cap.drop = sys_admin net_raw | drops in addition: sys_admin, net_raw (line 1)
            native, keep none               | lxc.cap.keep = none | keeps no capability (lxc.cap.keep = none): every one is dropped (line 1)
            """)
    void nativeWithoutIncludes(String what, String text, String expected) {
        assertThat(caps(text.replace("\\n", "\n") + "\n")).as(what).contains(expected);
    }

    @Test
    @DisplayName("includes read: the defaults are named with their file and line")
    void includedDefaults() {
        assertThat(capsWithIncludes("lxc.include = common.conf\n")).containsExactly(
                "the included files drop: mac_admin, mac_override, sys_time, sys_module, sys_rawio"
                        + " (common.conf line 13)",
                "this config adds nothing to the defaults and removes nothing from them");
    }

    @Test
    @DisplayName("includes read: an empty lxc.cap.drop names every capability it keeps")
    void emptyDropNamesTheCapabilities() {
        assertThat(capsWithIncludes("lxc.include = common.conf\nlxc.cap.drop =\n")).contains(
                "line 2 (lxc.cap.drop =) clears the list: the container keeps every capability the defaults would"
                        + " drop: mac_admin, mac_override, sys_time, sys_module, sys_rawio");
    }

    @Test
    @DisplayName("includes read: clearing, then dropping one again, keeps the others")
    void clearThenDrop() {
        assertThat(capsWithIncludes("lxc.include = common.conf\nlxc.cap.drop =\nlxc.cap.drop = sys_module\n"))
                .contains("line 2 (lxc.cap.drop =) clears the list: the container keeps every capability the"
                                + " defaults would drop: mac_admin, mac_override, sys_time, sys_rawio",
                        "then drops: sys_module (line 3)");
    }

    @Test
    @DisplayName("includes read: additions and repetitions are told apart")
    void addedAndRepeated() {
        assertThat(capsWithIncludes("lxc.include = common.conf\nlxc.cap.drop = sys_time net_raw\n")).contains(
                "drops in addition: net_raw (line 2)",
                "drops again what the defaults already drop: sys_time");
    }

    @Test
    @DisplayName("includes read: userns.conf after common.conf clears the defaults")
    void usernsClears() {
        assertThat(capsWithIncludes("lxc.include = common.conf\nlxc.include = userns.conf\n").get(0))
                .isEqualTo("the included files drop no capability (userns.conf line 15 clears the list)");
    }

    @Test
    @DisplayName("the empty lxc.cap.drop line itself says what it keeps")
    void emptyDropLine() {
        String shared = "lxc.cap.drop and lxc.cap.keep share one list, so this empties it: the container keeps every"
                + " capability that lines above and included files would drop";
        assertThat(LxcConfig.parse("lxc.include = common.conf\nlxc.cap.drop =\n").explain(dir).line(2)
                .orElseThrow().sentences()).contains(shared
                + ", here mac_admin, mac_override, sys_time, sys_module, sys_rawio from the included files.");
        assertThat(LxcConfig.parse("lxc.cap.drop =\n").explain().line(1).orElseThrow().sentences())
                .contains(shared + ".");
        assertThat(LxcConfig.parse("arch: amd64\nlxc.cap.drop:\n").explain().line(2).orElseThrow().sentences())
                .contains(shared + " (with Proxmox's usual includes, LXC's common.conf drops " + COMMON_DROPS + ").");
        assertThat(LxcConfig.parse("arch: amd64\nunprivileged: 1\nlxc.cap.drop:\n").explain().line(3)
                .orElseThrow().sentences()).contains(shared + ".");
    }
}
