package io.github.lxcconf.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's capabilities as values: the list the drop and keep lines leave, each with the line naming it. */
class CapabilitySettingTest {

    private static List<CapabilitySetting> settings(String text) {
        return LxcConfig.parseText(text).explain().summary().capabilitySettings();
    }

    private static CapabilitySetting own(Capability c, boolean kept, int line) {
        return new CapabilitySetting(c, kept, Optional.empty(), line);
    }

    @Test
    void dropLinesNameTheirCapabilitiesInOrderByNameOrNumber() {
        assertThat(settings("lxc.uts.name = web\nlxc.cap.drop = sys_time sys_module\nlxc.cap.drop = 12 nonsense\n"))
                .containsExactly(own(Capability.SYS_TIME, false, 2), own(Capability.SYS_MODULE, false, 2),
                        own(Capability.NET_ADMIN, false, 3));
    }

    @Test
    void theLastLineNamingACapabilityIsTheOneThatSetsIt() {
        assertThat(settings("lxc.cap.drop = sys_time\nlxc.cap.drop = sys_time mknod\n"))
                .containsExactly(own(Capability.SYS_TIME, false, 2), own(Capability.MKNOD, false, 2));
    }

    @Test
    void anEmptyValueClearsTheListAndNoneEmptiesAKeepList() {
        assertThat(settings("lxc.cap.drop = sys_time\nlxc.cap.drop =\nlxc.cap.drop = mknod\n"))
                .containsExactly(own(Capability.MKNOD, false, 3));
        assertThat(settings("lxc.cap.keep = sys_admin\nlxc.cap.keep = none\n")).isEmpty();
        assertThat(settings("lxc.arch = amd64\n")).isEmpty();
    }

    @Test
    void aKeepListKeepsWhatItNamesAndTurnsTheWholeListIntoKeeping() {
        assertThat(settings("lxc.cap.keep = sys_admin net_raw\n"))
                .containsExactly(own(Capability.SYS_ADMIN, true, 1), own(Capability.NET_RAW, true, 1));
        // the summary reads one shared list (lxc-format.md 7.2): the keep line turns it over
        assertThat(settings("lxc.cap.drop = mknod\nlxc.cap.keep = sys_admin\n"))
                .containsExactly(own(Capability.MKNOD, true, 1), own(Capability.SYS_ADMIN, true, 2));
    }

    @Test
    void theSettingsAreTheCapabilitiesTheSummaryItemsDescribe() {
        Summary s = LxcConfig.parseText("lxc.cap.drop = sys_time\n").explain().summary();
        assertThat(s.capabilities()).contains("drops in addition: sys_time (line 1)");
        assertThat(s.capabilitySettings()).containsExactly(own(Capability.SYS_TIME, false, 1));
    }

    @Test
    void anIncludedFilesLineNamesThatFile(@TempDir Path dir) throws IOException {
        Path common = Files.writeString(dir.resolve("common.conf"),
                "# LXC's defaults\nlxc.cap.drop = mac_admin sys_time\n");
        LxcConfig config = LxcConfig.parseText("lxc.include = " + common + "\nlxc.cap.drop = mknod sys_time\n");
        List<CapabilitySetting> settings = Explanation.of(config, config.effective(dir)).summary().capabilitySettings();
        assertThat(settings).containsExactly(
                new CapabilitySetting(Capability.MAC_ADMIN, false, Optional.of(common.toString()), 2),
                own(Capability.SYS_TIME, false, 2), own(Capability.MKNOD, false, 2));
        // without the includes read, only the config's own lines are known
        assertThat(config.explain().summary().capabilitySettings())
                .containsExactly(own(Capability.MKNOD, false, 2), own(Capability.SYS_TIME, false, 2));
    }

    @Test
    void preconditions() {
        assertThatThrownBy(() -> new CapabilitySetting(Capability.MKNOD, false, Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 0 is below 1");
        assertThatThrownBy(() -> new CapabilitySetting(null, false, Optional.empty(), 1))
                .isInstanceOf(NullPointerException.class).hasMessage("capability");
        assertThat(own(Capability.MKNOD, false, 1)).isEqualTo(own(Capability.MKNOD, false, 1))
                .hasSameHashCodeAs(own(Capability.MKNOD, false, 1)).isNotEqualTo(own(Capability.MKNOD, true, 1));
    }
}
