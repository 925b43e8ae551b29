package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SelinuxTest {

    @Test
    @DisplayName("context and keyring context: last wins, empty clears")
    void contexts() {
        Selinux s = lxc("""
                lxc.selinux.context = system_u:system_r:lxc_t:s0:c22
                lxc.selinux.context.keyring = system_u:object_r:lxc_keyring_t:s0
                lxc.selinux.context.keyring =
                """).selinux();
        assertThat(s.context()).contains("system_u:system_r:lxc_t:s0:c22");
        assertThat(s.keyringContext()).isEmpty();
        assertThat(s.origins()).hasSize(3);
        assertThat(lxc("").selinux()).isEqualTo(Selinux.DEFAULT);
        assertThat(s).isEqualTo(new Selinux(Optional.of("system_u:system_r:lxc_t:s0:c22"), Optional.empty(),
                List.of()));
        assertThat(s).isNotEqualTo(Selinux.DEFAULT);
        assertThat(s).isEqualTo(Selinux.context("system_u:system_r:lxc_t:s0:c22"))
                .hasSameHashCodeAs(Selinux.context("system_u:system_r:lxc_t:s0:c22"));
        assertThat(new Selinux(Optional.of("a"), Optional.of("b"), List.of()).toEntries()).containsExactly(
                java.util.Map.entry("lxc.selinux.context", "a"), java.util.Map.entry("lxc.selinux.context.keyring", "b"));
        assertThat(Selinux.DEFAULT.toEntries()).isEmpty();
        assertThatThrownBy(() -> new Selinux(Optional.of(""), Optional.empty(), List.of()))
                .hasMessage("context is empty");
        assertThatThrownBy(() -> new Selinux(null, Optional.empty(), List.of())).hasMessage("context");
    }
}
