package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DevicePassthroughTest {

    static Stream<Arguments> devices() {
        return Stream.of(
                Arguments.of("/dev/dri/renderD128,gid=104", "/dev/dri/renderD128", 104, 0, "0660", false),
                Arguments.of("/dev/dri/renderD128", "/dev/dri/renderD128", 0, 0, "0660", false),
                Arguments.of("/dev/dri/card0,gid=44", "/dev/dri/card0", 44, 0, "0660", false),
                Arguments.of("uid=1000,path=/dev/ttyUSB0,mode=0666,deny-write=1", "/dev/ttyUSB0", 0, 1000, "0666",
                        true),
                Arguments.of("/dev/kvm,gid=x", "/dev/kvm", 0, 0, "0660", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("devices")
    @DisplayName("path is the default key; gid, uid and mode take the table's defaults when unset or ill-typed")
    void fields(String text, String path, int gid, int uid, String mode, boolean denyWrite) {
        DevicePassthrough dev = DevicePassthrough.parse(1, text);
        assertThat(dev.key()).isEqualTo("dev1");
        assertThat(dev.path()).contains(path);
        assertThat(dev.gid()).isEqualTo(gid);
        assertThat(dev.uid()).isEqualTo(uid);
        assertThat(dev.mode()).isEqualTo(mode);
        assertThat(dev.denyWrite()).isEqualTo(denyWrite);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("gid=104", List.of("<string>:1:1: error: dev0: Path has to be defined: Proxmox refuses"
                        + " a device without a path [PVE109]")),
                Arguments.of("/dev/dri/card0,mode=666", List.of("<string>:1:21: warning: unable to parse value of"
                        + " 'dev0' - format error: mode: value does not match the regex pattern [PVE104]")),
                Arguments.of("/tmp/x", List.of("<string>:1:1: warning: unable to parse value of 'dev0' - format"
                        + " error: path: invalid format - /tmp/x is not a valid device path [PVE104]")),
                Arguments.of("/dev/a,/dev/b", List.of("<string>:1:8: warning: unable to parse value of 'dev0' -"
                        + " duplicate key in comma-separated list property: path [PVE103]")),
                Arguments.of("/dev/net/tun", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    @DisplayName("schema checks, and an error for a device without a path")
    void diagnostics(String text, List<String> expected) {
        List<Diagnostic> d = DevicePassthrough.parse(0, text).diagnostics();
        assertThat(d).map(Diagnostic::toString).containsExactlyElementsOf(expected);
        assertThat(d).filteredOn(x -> x.severity() == Severity.ERROR).allMatch(x -> x.code().id().equals("PVE109"));
    }

    @Test
    @DisplayName("editing keeps the bare path and the other fields")
    void edit() {
        DevicePassthrough dev = DevicePassthrough.parse(0, "/dev/dri/renderD128,gid=104");
        assertThat(dev.with("gid", "993").value().toValue()).isEqualTo("/dev/dri/renderD128,gid=993");
        assertThat(dev.with("mode", "0666").value().toValue()).isEqualTo("/dev/dri/renderD128,gid=104,mode=0666");
        assertThat(dev.with("path", "/dev/dri/card1").value().toValue()).isEqualTo("/dev/dri/card1,gid=104");
        assertThat(dev.without("gid").value().toValue()).isEqualTo("/dev/dri/renderD128");
        assertThat(dev.without("uid")).isSameAs(dev);
        assertThatThrownBy(() -> DevicePassthrough.parse(256, "/dev/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'dev256' is not a Proxmox option");
    }
}
