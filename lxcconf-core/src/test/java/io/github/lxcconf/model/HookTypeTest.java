package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HookTypeTest {

    @Test
    @DisplayName("the ten hook types of the spec, with their keys")
    void types() {
        assertThat(Arrays.stream(HookType.values()).map(HookType::word)).containsExactlyInAnyOrder("autodev", "clone",
                "destroy", "mount", "post-stop", "pre-mount", "pre-start", "start", "start-host", "stop");
        assertThat(HookType.START_HOST.key()).isEqualTo("lxc.hook.start-host");
        assertThat(HookType.of("post-stop")).contains(HookType.POST_STOP);
        assertThat(HookType.of("post_stop")).isEmpty();
        assertThat(HookType.of("version")).isEmpty();
    }
}
