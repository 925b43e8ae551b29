package io.github.lxcconf.assertj;

import static io.github.lxcconf.assertj.Configs.named;
import static io.github.lxcconf.assertj.LxcConfigAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.KnownDevice;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The checks work inside AssertJ's soft assertions, so one run reports every failing config. */
class SoftAssertionsTest {

    @Test
    void softlyCollectsTheFailuresOfEveryConfig() {
        List<LxcConfig> configs = List.of(
                named("201.conf", "arch: amd64\ndev0: /dev/kvm\n"),
                named("202.conf", "arch: amd64\n"),
                named("203.conf", "arch: amd64\nlxc.cgroup2.devices.allow: c 10:232 r\n"));
        assertThatThrownBy(() -> SoftAssertions.assertSoftly(softly -> configs.forEach(config ->
                softly.check(() -> assertThat(config).allowsDevice(KnownDevice.KVM)))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("Expecting config \"202.conf\" to allow character device 10:232 (/dev/kvm)")
                .hasMessageContaining("Expecting config \"203.conf\" to allow character device 10:232 (/dev/kvm)")
                .hasMessageContaining("line 2: lxc.cgroup2.devices.allow: c 10:232 r   <- matches the device but only for access 'r'")
                .hasMessageNotContaining("201.conf");
    }

    @Test
    void aMissingInterfaceIsCollectedLikeAnyOtherFailure() {
        SoftAssertions softly = new SoftAssertions();
        softly.check(() -> assertThat(named("201.conf", "arch: amd64\ndev0: /dev/kvm\n"))
                .allowsDevice(KnownDevice.KVM).hasNetwork(0));
        org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(softly.errorsCollected().get(0))
                .hasMessageStartingWith("Expecting config \"201.conf\" to have network interface net0,\n"
                        + "but it has no network interfaces");
    }
}
