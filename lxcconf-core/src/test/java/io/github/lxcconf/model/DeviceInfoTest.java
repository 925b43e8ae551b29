package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeviceInfoTest {

    @Test
    @DisplayName("a table row: components, equality, allocation words")
    void row() {
        DeviceInfo kvm = DeviceCatalog.lookup(DeviceType.CHAR, 10, 232).orElseThrow();
        DeviceInfo same = new DeviceInfo(DeviceType.CHAR, "10", "232", "/dev/kvm", "KVM",
                DeviceInfo.Allocation.STATIC, "devices.txt");
        assertThat(kvm).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(kvm.description()).isEqualTo("KVM");
        assertThat(DeviceInfo.Allocation.of("static")).isEqualTo(DeviceInfo.Allocation.STATIC);
        assertThat(DeviceInfo.Allocation.of("dynamic-minor")).isEqualTo(DeviceInfo.Allocation.DYNAMIC_MINOR);
        assertThat(DeviceInfo.Allocation.of("dynamic")).isEqualTo(DeviceInfo.Allocation.DYNAMIC);
        assertThatThrownBy(() -> DeviceInfo.Allocation.of("fixed")).hasMessage("unknown allocation 'fixed'");
        assertThatThrownBy(() -> new DeviceInfo(DeviceType.CHAR, "10", "232", null, "KVM",
                DeviceInfo.Allocation.STATIC, "x")).isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
