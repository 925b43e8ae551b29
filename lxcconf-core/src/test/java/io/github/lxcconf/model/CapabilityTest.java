package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CapabilityTest {

    /** The names in kernel order, as lxc-format.md section 7.2 lists them. */
    private static final List<String> SPEC = List.of(("chown dac_override dac_read_search fowner fsetid kill setgid"
            + " setuid setpcap linux_immutable net_bind_service net_broadcast net_admin net_raw ipc_lock ipc_owner"
            + " sys_module sys_rawio sys_chroot sys_ptrace sys_pacct sys_admin sys_boot sys_nice sys_resource sys_time"
            + " sys_tty_config mknod lease audit_write audit_control setfcap mac_override mac_admin syslog wake_alarm"
            + " block_suspend audit_read perfmon bpf checkpoint_restore").split(" "));

    @Test
    @DisplayName("every capability of the spec, in kernel order, so the number is the kernel's")
    void all() {
        assertThat(Arrays.stream(Capability.values()).map(Capability::lxcName)).containsExactlyElementsOf(SPEC);
        assertThat(Capability.CHOWN.number()).isZero();
        assertThat(Capability.NET_ADMIN.number()).isEqualTo(12);
        assertThat(Capability.SYS_ADMIN.number()).isEqualTo(21);
        assertThat(Capability.MKNOD.number()).isEqualTo(27);
        assertThat(Capability.AUDIT_READ.number()).isEqualTo(37);
        assertThat(Capability.CHECKPOINT_RESTORE.number()).isEqualTo(40);
        assertThat(Capability.last()).isEqualTo(Capability.CHECKPOINT_RESTORE);
    }

    @Test
    @DisplayName("looked up by LXC name (case-sensitive, no CAP_) or by number")
    void lookup() {
        assertThat(Capability.of("sys_admin")).contains(Capability.SYS_ADMIN);
        assertThat(Capability.of("SYS_ADMIN")).isEmpty();
        assertThat(Capability.of("cap_sys_admin")).isEmpty();
        assertThat(Capability.of("none")).isEmpty();
        assertThat(Capability.of(21)).contains(Capability.SYS_ADMIN);
        assertThat(Capability.of(0)).contains(Capability.CHOWN);
        assertThat(Capability.of(41)).isEmpty();
        assertThat(Capability.of(-1)).isEmpty();
        for (Capability c : Capability.values()) {
            assertThat(Capability.of(c.lxcName())).contains(c);
            assertThat(Capability.of(c.number())).contains(c);
        }
    }

    @Test
    @DisplayName("a word of lxc.cap.drop: a name, or a number in C notation (base 0) up to the last capability")
    void ofWord() {
        assertThat(Capability.ofWord("sys_admin")).contains(Capability.SYS_ADMIN);
        assertThat(Capability.ofWord("21")).contains(Capability.SYS_ADMIN);
        assertThat(Capability.ofWord("0x15")).contains(Capability.SYS_ADMIN);
        assertThat(Capability.ofWord("0X15")).contains(Capability.SYS_ADMIN);
        assertThat(Capability.ofWord("010")).contains(Capability.SETPCAP);
        assertThat(Capability.ofWord("+8")).contains(Capability.SETPCAP);
        assertThat(Capability.ofWord("0x28")).contains(Capability.CHECKPOINT_RESTORE);
        assertThat(Capability.ofWord("0x29")).isEmpty();
        assertThat(Capability.ofWord("08")).isEmpty();
        assertThat(Capability.ofWord("0x")).isEmpty();
        assertThat(Capability.ofWord("-0")).isEmpty();
        assertThat(Capability.ofWord("4294967296")).isEmpty();
        assertThat(Capability.ofWord("none")).isEmpty();
        assertThat(Capability.ofWord("SYS_ADMIN")).isEmpty();
    }
}
