package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartupTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "order=1,up=30|1|30|-", "2|2|-|-", "order=3,up=10,down=60|3|10|60", "down=5|-|-|5",
            "order=1,order=2|2|-|-", "up=5,,|-|5|-", "1,2|2|-|-"})
    @DisplayName("pve_parse_startup_order: [order=]N, up=N, down=N; a repeated item overrides")
    void valid(String text, Integer order, Integer up, Integer down) {
        Startup s = Startup.parse(text);
        assertThat(s.isValid()).isTrue();
        assertThat(s.diagnostics()).isEmpty();
        assertThat(s.order().orElse(null)).isEqualTo(order);
        assertThat(s.up().orElse(null)).isEqualTo(up);
        assertThat(s.down().orElse(null)).isEqualTo(down);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "order=1, up=30|9", "up = 5|1", "order=-1|1", "0|1", "x=1|1", "order=1,up=3s|9", "''|1"})
    @DisplayName("anything else makes the whole value invalid, reported at the first bad item")
    void invalid(String text, int column) {
        Startup s = Startup.parse(text);
        assertThat(s.isValid()).isFalse();
        assertThat(s.order()).isEmpty();
        assertThat(s.diagnostics()).map(Diagnostic::toString).containsExactly("<string>:1:" + column
                + ": warning: unable to parse value of 'startup' - unable to parse startup options [PVE102]");
    }

    @Test
    @DisplayName("editing keeps the other items")
    void edit() {
        Startup s = Startup.parse("2,up=30");
        assertThat(s.with("order", "5").value().toValue()).isEqualTo("5,up=30");
        assertThat(s.with("down", "60").value().toValue()).isEqualTo("2,up=30,down=60");
        assertThat(s.without("up").value().toValue()).isEqualTo("2");
        assertThat(s.with("up", "30")).isSameAs(s);
    }
}
