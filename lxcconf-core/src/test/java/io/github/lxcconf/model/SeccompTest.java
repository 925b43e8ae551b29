package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeccompTest {

    @Test
    @DisplayName("profile, allow_nesting, notify proxy and cookie; last wins, empty clears")
    void settings() {
        LxcSettings s = lxc("""
                lxc.seccomp.profile = /usr/share/lxc/config/common.seccomp
                lxc.seccomp.allow_nesting = 1
                lxc.seccomp.notify.proxy = unix:/run/agent.sock
                lxc.seccomp.notify.cookie = abc
                lxc.seccomp.notify.cookie =
                """);
        Seccomp sc = s.seccomp();
        assertThat(sc.profile()).contains("/usr/share/lxc/config/common.seccomp");
        assertThat(sc.allowNesting()).isTrue();
        assertThat(sc.notifyProxy()).contains("unix:/run/agent.sock");
        assertThat(sc.notifyCookie()).isEmpty();
        assertThat(sc.origins()).extracting(Origin::lineNumber).containsExactly(1, 2, 3, 4, 5);
        assertThat(problems(s)).isEmpty();
        assertThat(lxc("lxc.seccomp.notify.proxy = unix:@agent\n").seccomp().notifyProxy()).contains("unix:@agent");
        assertThat(lxc("").seccomp()).isEqualTo(Seccomp.DEFAULT);
    }

    @Test
    @DisplayName("a proxy that is not unix: and a flag above 1 are errors; a flag that is no number is ignored")
    void errors() {
        assertThat(problems("lxc.seccomp.notify.proxy = tcp:127.0.0.1:9\nlxc.seccomp.allow_nesting = true\n"
                + "lxc.seccomp.allow_nesting = 2\n"))
                .containsExactly("1:28 error LXC113 'lxc.seccomp.notify.proxy' must be unix:PATH or unix:@NAME, got"
                                + " 'tcp:127.0.0.1:9'; liblxc refuses the file",
                        "2:29 warning VAL020 'true' is no number liblxc can store in 'lxc.seccomp.allow_nesting': it"
                                + " loads the file and ignores the line",
                        "3:29 error LXC113 'lxc.seccomp.allow_nesting' must be 0 or 1, got '2'; liblxc refuses"
                                + " the file");
        assertThat(lxc("lxc.seccomp.notify.proxy = unix:\n").seccomp().notifyProxy()).isEmpty();
    }

    @Test
    @DisplayName("built by hand; entries; equality without origins; checks")
    void valueObject() {
        Seccomp s = new Seccomp(Optional.of("/p"), true, Optional.of("unix:/s"), Optional.of("c"), List.of());
        assertThat(s.toEntries()).containsExactly(Map.entry("lxc.seccomp.profile", "/p"),
                Map.entry("lxc.seccomp.allow_nesting", "1"), Map.entry("lxc.seccomp.notify.proxy", "unix:/s"),
                Map.entry("lxc.seccomp.notify.cookie", "c"));
        assertThat(lxc("lxc.seccomp.profile = /p\n").seccomp()).isEqualTo(Seccomp.profile("/p"))
                .hasSameHashCodeAs(Seccomp.profile("/p"));
        assertThat(Seccomp.profile("/p")).isNotEqualTo(Seccomp.profile("/q"));
        assertThatThrownBy(() -> new Seccomp(Optional.empty(), false, Optional.of("tcp:x"), Optional.empty(),
                List.of())).hasMessage("notifyProxy must start with unix:, got 'tcp:x'");
        assertThatThrownBy(() -> Seccomp.profile("")).hasMessage("profile is empty");
    }
}
