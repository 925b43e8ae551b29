package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppArmorTest {

    @Test
    @DisplayName("profile: last wins, empty (also \"\") clears; raw is a list; origins are kept")
    void settings() {
        LxcSettings s = lxc("""
                lxc.apparmor.profile = lxc-container-default
                lxc.apparmor.profile = generated
                lxc.apparmor.allow_nesting = 1
                lxc.apparmor.raw = mount fstype=nfs*,
                lxc.apparmor.raw =
                lxc.apparmor.raw = mount fstype=cifs,
                lxc.apparmor.raw = mount fstype=9p,
                """);
        AppArmor aa = s.apparmor();
        assertThat(aa.profile()).contains("generated");
        assertThat(aa.allowNesting()).isTrue();
        assertThat(aa.allowIncomplete()).isFalse();
        assertThat(aa.raw()).containsExactly("mount fstype=cifs,", "mount fstype=9p,");
        assertThat(aa.origins()).hasSize(7);
        assertThat(aa.isUnconfined()).isFalse();
        assertThat(lxc("lxc.apparmor.profile = unconfined\nlxc.apparmor.profile = \"\"\n").apparmor().profile())
                .isEmpty();
        assertThat(lxc("lxc.apparmor.profile = unconfined\n").apparmor().isUnconfined()).isTrue();
        assertThat(lxc("").apparmor()).isEqualTo(AppArmor.DEFAULT);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1   | true
            0   | false
            01  | true
            0x1 | true
            """)
    @DisplayName("flags are C unsigned 0 or 1, base 0")
    void flags(String value, boolean on) {
        LxcSettings s = lxc("lxc.apparmor.allow_incomplete = " + value + "\n");
        assertThat(s.apparmor().allowIncomplete()).isEqualTo(on);
        assertThat(problems(s)).isEmpty();
    }

    @Test
    @DisplayName("other flag values are errors; the earlier value stays; empty resets to 0")
    void badFlag() {
        LxcSettings s = lxc("lxc.apparmor.allow_nesting = 1\nlxc.apparmor.allow_nesting = yes\n");
        assertThat(s.apparmor().allowNesting()).isTrue();
        assertThat(problems(s)).containsExactly("2:30 error LXC113 'lxc.apparmor.allow_nesting' must be 0 or 1, got"
                + " 'yes'; liblxc refuses the file");
        assertThat(s.diagnostics().get(0).hint()).contains("write 1 to turn it on, 0 to turn it off");
        assertThat(problems("lxc.apparmor.allow_nesting = 2\n")).hasSize(1);
        assertThat(lxc("lxc.apparmor.allow_nesting = 1\nlxc.apparmor.allow_nesting =\n").apparmor().allowNesting())
                .isFalse();
    }

    @Test
    @DisplayName("built by hand; entries; equality without origins; checks")
    void valueObject() {
        AppArmor a = new AppArmor(Optional.of("generated"), true, true, List.of("mount,"), List.of());
        assertThat(a.toEntries()).containsExactly(Map.entry("lxc.apparmor.profile", "generated"),
                Map.entry("lxc.apparmor.allow_nesting", "1"), Map.entry("lxc.apparmor.allow_incomplete", "1"),
                Map.entry("lxc.apparmor.raw", "mount,"));
        assertThat(AppArmor.profile("unconfined").toEntries())
                .containsExactly(Map.entry("lxc.apparmor.profile", "unconfined"));
        assertThat(AppArmor.DEFAULT.toEntries()).isEmpty();
        AppArmor parsed = lxc("lxc.apparmor.profile = unconfined\n").apparmor();
        assertThat(parsed).isEqualTo(AppArmor.profile("unconfined")).hasSameHashCodeAs(AppArmor.profile("unconfined"));
        assertThat(parsed).isNotEqualTo(AppArmor.profile("generated"));
        assertThatThrownBy(() -> AppArmor.profile("")).hasMessage("profile is empty");
        assertThatThrownBy(() -> AppArmor.profile("a\nlxc.apparmor.profile = unconfined"))
                .hasMessage("profile contains a line break at index 1");
    }
}
