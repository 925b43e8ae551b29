package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CgroupVersionTest {

    @Test
    @DisplayName("v1 is lxc.cgroup.devices.*, v2 is lxc.cgroup2.devices.*")
    void keys() {
        assertThat(CgroupVersion.V1.prefix()).isEqualTo("lxc.cgroup");
        assertThat(CgroupVersion.V2.prefix()).isEqualTo("lxc.cgroup2");
        assertThat(CgroupVersion.V1.key(true)).isEqualTo("lxc.cgroup.devices.allow");
        assertThat(CgroupVersion.V1.key(false)).isEqualTo("lxc.cgroup.devices.deny");
        assertThat(CgroupVersion.V2.key(true)).isEqualTo("lxc.cgroup2.devices.allow");
        assertThat(CgroupVersion.V2.key(false)).isEqualTo("lxc.cgroup2.devices.deny");
    }
}
