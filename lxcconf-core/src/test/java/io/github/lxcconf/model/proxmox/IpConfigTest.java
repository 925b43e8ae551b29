package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.model.proxmox.IpConfig.Mode;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpConfigTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "10.0.0.2/24, STATIC, 10.0.0.2, 24", "1.2.3.4/8, STATIC, 1.2.3.4, 8",
            "10.21.21.100/32, STATIC, 10.21.21.100, 32", "dhcp, DHCP, -, -", "manual, MANUAL, -, -"})
    @DisplayName("pve-ipv4-config: A.B.C.D/8..32, dhcp or manual")
    void ipv4(String text, Mode mode, String address, Integer prefix) {
        IpConfig ip = IpConfig.parseIpv4(text).orElseThrow();
        assertThat(ip.mode()).isEqualTo(mode);
        assertThat(ip.address().orElse(null)).isEqualTo(address);
        assertThat(ip.prefixLength().orElse(null)).isEqualTo(prefix);
        assertThat(ip).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.2", "10.0.0.2/7", "10.0.0.2/33", "256.0.0.1/24", "auto", "DHCP", "01.2.3.4/24",
            "10.0.0.2/24 ", "fc00::1/64", ""})
    @DisplayName("anything else is refused for ip=")
    void ipv4Invalid(String text) {
        assertThat(IpConfig.parseIpv4(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "fc00::89:c:1/96, STATIC, fc00::89:c:1, 96", "2001:1::/64, STATIC, 2001:1::, 64",
            "::ffff:1.2.3.4/128, STATIC, ::ffff:1.2.3.4, 128", "auto, AUTO, -, -", "dhcp, DHCP, -, -",
            "manual, MANUAL, -, -"})
    @DisplayName("pve-ipv6-config: ADDR/8..128, auto, dhcp or manual")
    void ipv6(String text, Mode mode, String address, Integer prefix) {
        IpConfig ip = IpConfig.parseIpv6(text).orElseThrow();
        assertThat(ip.mode()).isEqualTo(mode);
        assertThat(ip.address().orElse(null)).isEqualTo(address);
        assertThat(ip.prefixLength().orElse(null)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fc00::1", "fc00::1/7", "fc00::1/129", "1:2:3:4:5:6:7:8:9/64", "fc00:::1/64",
            "10.0.0.1/24", "gggg::1/64"})
    @DisplayName("anything else is refused for ip6=")
    void ipv6Invalid(String text) {
        assertThat(IpConfig.parseIpv6(text)).isEmpty();
    }

    @Test
    @DisplayName("a static config needs address and prefix; other modes have neither")
    void invariants() {
        assertThatThrownBy(() -> new IpConfig(Mode.STATIC, Optional.of("1.2.3.4"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IpConfig(Mode.DHCP, Optional.of("1.2.3.4"), Optional.of(24)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new IpConfig(Mode.DHCP, Optional.empty(), Optional.empty()))
                .isEqualTo(IpConfig.parseIpv4("dhcp").orElseThrow());
    }
}
