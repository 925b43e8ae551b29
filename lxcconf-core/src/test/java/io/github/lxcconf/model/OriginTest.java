package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.EntryLine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    @DisplayName("the line and its number; key, value, short form; equality")
    void origin() {
        LxcConfig c = LxcConfig.parse("# c\nlxc.cap.drop = \"sys_admin\"\n");
        EntryLine e = (EntryLine) c.lines().get(1);
        Origin o = new Origin(e, 2);
        assertThat(o.key()).isEqualTo("lxc.cap.drop");
        assertThat(o.value()).isEqualTo("sys_admin");
        assertThat(o).hasToString("line 2: lxc.cap.drop = \"sys_admin\"");
        assertThat(o).isEqualTo(new Origin(e, 2)).isNotEqualTo(new Origin(e, 3));
        assertThat(c.lxc().capabilities().origins()).containsExactly(o);
        assertThatThrownBy(() -> new Origin(e, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line numbers start at 1, got 0");
        assertThatThrownBy(() -> new Origin(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("entry");
    }
}
