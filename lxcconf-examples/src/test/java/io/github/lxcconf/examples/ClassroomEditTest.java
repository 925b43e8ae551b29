package io.github.lxcconf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.edit.ConfigEditor;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.KnownDevice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The classroom case: allow /dev/kvm and /dev/net/tun and bind-mount /dev/net/tun on the bundled
 * classroom config; the result must be exactly the golden file.
 */
class ClassroomEditTest {

    private static String golden(String name) throws IOException {
        try (InputStream in = ClassroomEditTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static LxcConfig passthrough(ConfigEditor editor) {
        return editor.allowDevice(KnownDevice.KVM)
                .allowDevice(KnownDevice.TUN)
                .bindMount("/dev/net/tun", "/dev/net/tun")
                .build();
    }

    @Test
    void cgroup2KeysByDefault() throws IOException {
        LxcConfig edited = passthrough(ShowConfig.classroom().edit());
        assertThat(edited.render()).isEqualTo(golden("classroom-102.passthrough-cgroup2.conf"));
        assertThat(edited.lxc().deviceRules()).hasSize(4);
        assertThat(edited.diagnostics()).isEmpty();
    }

    @Test
    void cgroup1KeysWhenAskedAreAlreadyThere() throws IOException {
        LxcConfig classroom = ShowConfig.classroom();
        LxcConfig edited = passthrough(classroom.edit().cgroupVersion(CgroupVersion.V1));
        assertThat(edited.render()).isEqualTo(golden("classroom-102.passthrough-cgroup1.conf"));
        assertThat(edited).isSameAs(classroom);
    }
}
