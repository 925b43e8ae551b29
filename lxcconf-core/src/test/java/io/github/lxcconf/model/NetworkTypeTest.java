package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NetworkTypeTest {

    @Test
    @DisplayName("the seven types, exact lower-case words")
    void words() {
        assertThat(Arrays.stream(NetworkType.values()).map(NetworkType::word))
                .containsExactly("veth", "macvlan", "ipvlan", "vlan", "phys", "empty", "none");
        assertThat(NetworkType.of("veth")).contains(NetworkType.VETH);
        assertThat(NetworkType.of("VETH")).isEmpty();
        assertThat(NetworkType.of("bogus")).isEmpty();
    }
}
