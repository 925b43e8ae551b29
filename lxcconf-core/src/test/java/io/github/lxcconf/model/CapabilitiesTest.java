package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.model.Capabilities.Mode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapabilitiesTest {

    @Test
    @DisplayName("drop lines append to one list, repeats count once")
    void dropAccumulates() {
        Capabilities c = lxc("""
                lxc.cap.drop = sys_module sys_time
                lxc.cap.drop = mac_admin	sys_time
                lxc.cap.drop = 16
                """).capabilities();
        assertThat(c.mode()).isEqualTo(Mode.DROP);
        assertThat(c.list()).containsExactly(Capability.SYS_MODULE, Capability.SYS_TIME, Capability.MAC_ADMIN);
        assertThat(c.origins()).extracting(Origin::lineNumber).containsExactly(1, 2, 3);
        assertThat(c.retains(Capability.SYS_TIME)).isFalse();
        assertThat(c.retains(Capability.SYS_ADMIN)).isTrue();
        assertThat(c.toValue()).isEqualTo("sys_module sys_time mac_admin");
        assertThat(c.key()).isEqualTo("lxc.cap.drop");
    }

    @Test
    @DisplayName("each unknown capability is reported at its own column, inside quotes and after a character"
            + " outside the BMP too")
    void anUnknownCapabilityIsReportedWhereItIs() {
        assertThat(problems("lxc.cap.drop = sys_admin net_rwa\tmac_admn\n"
                + "lxc.cap.drop = \"bogus sys_time\"\n"
                + "lxc.cap.drop = sys_time \uD83D\uDE00 x\n"))
                .extracting(p -> p.substring(0, p.indexOf(" error")))
                .containsExactly("1:26", "1:34", "2:17", "3:25", "3:27");
    }

    @Test
    @DisplayName("an empty cap.drop clears the list, with or without a list before it")
    void emptyClears() {
        LxcSettings s = lxc("lxc.cap.drop = sys_admin sys_time\nlxc.cap.drop =\n");
        assertThat(s.capabilities()).isEqualTo(Capabilities.NONE);
        assertThat(s.capabilities().origins()).isEmpty();
        assertThat(problems(s)).isEmpty();
        assertThat(lxc("lxc.cap.drop =\n").capabilities()).isEqualTo(Capabilities.NONE);
        assertThat(lxc("").capabilities()).isEqualTo(Capabilities.NONE);
    }

    @Test
    @DisplayName("drop then keep is an error; the drop list stays")
    void dropThenKeep() {
        LxcSettings s = lxc("lxc.cap.drop = sys_admin\nlxc.cap.keep = net_admin\n");
        assertThat(s.capabilities()).isEqualTo(Capabilities.drop(Capability.SYS_ADMIN));
        assertThat(problems(s)).containsExactly("2:16 error LXC106 lxc.cap.keep after lxc.cap.drop sys_admin: liblxc"
                + " refuses the file (\"Keeping and dropping capabilities are mutually exclusive\")");
        assertThat(s.diagnostics().get(0).hint()).contains("use one of the two keys, or reset the list first with an"
                + " empty 'lxc.cap.drop =' line");
    }

    @Test
    @DisplayName("keep then drop is an error too, also after keep = none")
    void keepThenDrop() {
        assertThat(problems("lxc.cap.keep = chown\nlxc.cap.drop = sys_admin\n")).containsExactly(
                "2:16 error LXC106 lxc.cap.drop after lxc.cap.keep chown: liblxc refuses the file (\"Keeping and"
                        + " dropping capabilities are mutually exclusive\")");
        assertThat(problems("lxc.cap.keep = none\nlxc.cap.drop = sys_admin\n")).containsExactly(
                "2:16 error LXC106 lxc.cap.drop after lxc.cap.keep none: liblxc refuses the file (\"Keeping and"
                        + " dropping capabilities are mutually exclusive\")");
    }

    @Test
    @DisplayName("an empty value of either key resets list and mode, so userns.conf can switch")
    void switchAfterReset() {
        LxcSettings s = lxc("""
                lxc.cap.drop = sys_admin
                lxc.cap.drop =
                lxc.cap.keep =
                lxc.cap.keep = net_admin chown
                """);
        assertThat(problems(s)).isEmpty();
        assertThat(s.capabilities()).isEqualTo(Capabilities.keep(Capability.NET_ADMIN, Capability.CHOWN));
        assertThat(s.capabilities().origins()).extracting(Origin::lineNumber).containsExactly(4);
        assertThat(lxc("lxc.cap.drop = sys_admin\nlxc.cap.keep =\nlxc.cap.keep = chown\n").capabilities().mode())
                .isEqualTo(Mode.KEEP);
    }

    @Test
    @DisplayName("keep = none keeps nothing; a later name in the same list is kept")
    void keepNone() {
        Capabilities none = lxc("lxc.cap.keep = none\n").capabilities();
        assertThat(none).isEqualTo(Capabilities.keep());
        assertThat(none.retains(Capability.CHOWN)).isFalse();
        assertThat(none.toValue()).isEqualTo("none");
        assertThat(lxc("lxc.cap.keep = none net_admin\n").capabilities().list()).containsExactly(Capability.NET_ADMIN);
        assertThat(lxc("lxc.cap.keep = net_admin none\n").capabilities().list()).isEmpty();
        assertThat(lxc("lxc.cap.keep = chown\nlxc.cap.keep = kill\n").capabilities().list())
                .containsExactly(Capability.CHOWN, Capability.KILL);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            lxc.cap.drop | not_a_cap     | unknown capability 'not_a_cap' in lxc.cap.drop; liblxc refuses the file | capability names are lower case without CAP_, such as sys_admin or net_raw; see capabilities(7)
            lxc.cap.drop | CAP_SYS_ADMIN | unknown capability 'CAP_SYS_ADMIN' in lxc.cap.drop; liblxc refuses the file | write 'sys_admin': lower case, without CAP_
            lxc.cap.keep | SYS_ADMIN     | unknown capability 'SYS_ADMIN' in lxc.cap.keep; liblxc refuses the file | write 'sys_admin': lower case, without CAP_
            lxc.cap.drop | sys_resources | unknown capability 'sys_resources' in lxc.cap.drop; liblxc refuses the file | did you mean 'sys_resource'?
            lxc.cap.drop | none          | 'none' is only accepted in lxc.cap.keep; in lxc.cap.drop liblxc refuses the file | to drop nothing, clear the list with an empty 'lxc.cap.drop =' line
            lxc.cap.drop | 41            | capability number 41 is above 40 (checkpoint_restore), the last capability Linux knows; liblxc refuses the file | a number is accepted only up to the host kernel's last capability
            lxc.cap.drop | 0x29          | capability number 0x29 (41) is above 40 (checkpoint_restore), the last capability Linux knows; liblxc refuses the file | a number is accepted only up to the host kernel's last capability
            lxc.cap.drop | 08            | unknown capability '08' in lxc.cap.drop; liblxc refuses the file | liblxc reads numbers as C does: a leading 0 makes them octal (010 is 8), 0x hexadecimal
            lxc.cap.drop | 4294967296    | unknown capability '4294967296' in lxc.cap.drop; liblxc refuses the file | liblxc reads numbers as C does: a leading 0 makes them octal (010 is 8), 0x hexadecimal
            """)
    @DisplayName("unknown capabilities are errors with a hint, at their own column; the other names of the line"
            + " still count")
    void unknown(String key, String token, String message, String hint) {
        LxcSettings s = lxc(key + " = mknod " + token + "\n");
        assertThat(s.capabilities().list()).containsExactly(Capability.MKNOD);
        assertThat(s.diagnostics()).hasSize(1);
        int column = key.length() + 4 + "mknod ".length();
        assertThat(problems(s)).containsExactly("1:" + column + " error LXC105 " + message);
        assertThat(s.diagnostics().get(0).hint()).contains(hint);
    }

    @Test
    @DisplayName("numbers up to the last capability are accepted, read as C's strtoul with base 0 reads them")
    void numbers() {
        assertThat(lxc("lxc.cap.drop = 21 40 0\n").capabilities().list())
                .containsExactly(Capability.SYS_ADMIN, Capability.CHECKPOINT_RESTORE, Capability.CHOWN);
        // liblxc 5.0.2: 0x15 is 21 (sys_admin), 010 is octal 8 (setpcap), not 10
        LxcSettings s = lxc("lxc.cap.drop = 0x15 010 +7 0X1f 00\n");
        assertThat(s.capabilities().list()).containsExactly(Capability.SYS_ADMIN, Capability.SETPCAP,
                Capability.SETUID, Capability.SETFCAP, Capability.CHOWN);
        assertThat(s.diagnostics()).isEmpty();
    }

    @Test
    @DisplayName("factories, equality without origins, and the constructor's checks")
    void valueObject() {
        Capabilities parsed = lxc("lxc.cap.drop = mac_admin\n").capabilities();
        assertThat(parsed).isEqualTo(Capabilities.drop(Capability.MAC_ADMIN))
                .hasSameHashCodeAs(Capabilities.drop(Capability.MAC_ADMIN));
        assertThat(parsed).isNotEqualTo(Capabilities.keep(Capability.MAC_ADMIN));
        assertThat(Capabilities.drop(Capability.CHOWN, Capability.CHOWN).list()).containsExactly(Capability.CHOWN);
        assertThat(Capabilities.drop().toValue()).isEmpty();
        assertThat(Capabilities.keep(Capability.NET_RAW).key()).isEqualTo("lxc.cap.keep");
        assertThat(Capabilities.keep(Capability.NET_RAW).retains(Capability.NET_RAW)).isTrue();
        assertThatThrownBy(() -> new Capabilities(Mode.DROP, List.of(Capability.KILL, Capability.KILL), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the list repeats a capability: [KILL, KILL]");
        assertThat(Mode.KEEP.key()).isEqualTo("lxc.cap.keep");
    }
}
