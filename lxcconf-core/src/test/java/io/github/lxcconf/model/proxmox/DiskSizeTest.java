package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiskSizeTest {

    @ParameterizedTest
    @CsvSource({
            "8G, 8589934592, 8G", "16G, 17179869184, 16G", "512M, 536870912, 512M", "1T, 1099511627776, 1T",
            "8589934592, 8589934592, 8G", "1.5G, 1610612736, 1536M", "1000, 1000, 1000", "0, 0, 0T",
            "1.5K, 1536, 1536", "8GiB, 8589934592, 8G", "7G, 7516192768, 7G", "100G, 107374182400, 100G",
            "0.1K, 102, 102"})
    @DisplayName("parse_size: K/M/G/T and KiB..TiB, powers of 1024, decimals truncated; printed with the largest exact unit")
    void parse(String text, long bytes, String canonical) {
        DiskSize size = DiskSize.parse(text).orElseThrow();
        assertThat(size.bytes()).isEqualTo(bytes);
        assertThat(size.format()).isEqualTo(canonical);
        assertThat(size).hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8g", "8 G", "-1", "+1", "G", "8GB", "8.G", ".5G", "8Gi", "1e3", " 8G", "8P"})
    @DisplayName("anything else is not a size")
    void invalid(String text) {
        assertThat(DiskSize.parse(text)).isEmpty();
    }

    @Test
    @DisplayName("sizes compare by bytes, so 8G equals 8192M")
    void semantic() {
        assertThat(DiskSize.parse("8G")).isEqualTo(DiskSize.parse("8192M")).isEqualTo(DiskSize.parse("8388608K"));
        assertThat(DiskSize.parse("8G")).isNotEqualTo(DiskSize.parse("8T"));
        assertThatThrownBy(() -> new DiskSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a disk size cannot be negative: -1");
    }
}
