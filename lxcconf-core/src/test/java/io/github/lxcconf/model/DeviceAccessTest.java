package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceAccessTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            rwm | rwm | true  | true  | true
            mwr | rwm | true  | true  | true
            r   | r   | true  | false | false
            w   | w   | false | true  | false
            m   | m   | false | false | true
            wm  | wm  | false | true  | true
            rr  | r   | true  | false | false
            ''  | ''  | false | false | false
            """)
    @DisplayName("any subset of r, w, m in any order; printed as r, w, m")
    void parse(String letters, String canonical, boolean r, boolean w, boolean m) {
        DeviceAccess a = DeviceAccess.parse(letters).orElseThrow();
        assertThat(a).isEqualTo(new DeviceAccess(r, w, m));
        assertThat(a.toValue()).isEqualTo(canonical);
        assertThat(a).hasToString(canonical);
        assertThat(a.isEmpty()).isEqualTo(canonical.isEmpty());
    }

    @Test
    @DisplayName("other letters are refused; the constants")
    void constants() {
        assertThat(DeviceAccess.parse("rwx")).isEmpty();
        assertThat(DeviceAccess.parse("RWM")).isEmpty();
        assertThat(DeviceAccess.parse("r w")).isEmpty();
        assertThat(DeviceAccess.RWM).isEqualTo(new DeviceAccess(true, true, true));
        assertThat(DeviceAccess.NONE.isEmpty()).isTrue();
        assertThat(DeviceAccess.parse("")).isEqualTo(Optional.of(DeviceAccess.NONE));
        assertThat(DeviceAccess.RWM).hasSameHashCodeAs(new DeviceAccess(true, true, true));
        assertThat(DeviceAccess.RWM).isNotEqualTo(new DeviceAccess(true, true, false));
    }
}
