package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeviceTypeTest {

    @Test
    @DisplayName("a, b and c, and nothing else")
    void letters() {
        assertThat(DeviceType.ALL.letter()).isEqualTo('a');
        assertThat(DeviceType.BLOCK.letter()).isEqualTo('b');
        assertThat(DeviceType.CHAR.letter()).isEqualTo('c');
        for (DeviceType t : DeviceType.values()) {
            assertThat(DeviceType.of(t.letter())).contains(t);
        }
        assertThat(DeviceType.of('x')).isEmpty();
        assertThat(DeviceType.of('C')).isEmpty();
        assertThat(DeviceType.values()).hasSize(3);
    }
}
