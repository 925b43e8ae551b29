package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HookTest {

    @Test
    @DisplayName("hooks are lists per type: in file order, cleared per type or all at once")
    void lists() {
        LxcSettings s = lxc("""
                lxc.hook.pre-start = /bin/a
                lxc.hook.mount = /bin/b
                lxc.hook.pre-start = /bin/c "quoted arg"
                lxc.hook.version = 1
                lxc.hook.mount =
                lxc.hook.post-stop = /bin/d
                """);
        assertThat(s.hooks()).containsExactly(Hook.of(HookType.PRE_START, "/bin/a"),
                Hook.of(HookType.PRE_START, "/bin/c \"quoted arg\""), Hook.of(HookType.POST_STOP, "/bin/d"));
        assertThat(s.hooks(HookType.PRE_START)).extracting(Hook::command).containsExactly("/bin/a",
                "/bin/c \"quoted arg\"");
        assertThat(s.hooks(HookType.MOUNT)).isEmpty();
        assertThat(s.hooks().get(2).origin().map(Origin::lineNumber)).contains(6);
        assertThat(problems(s)).isEmpty();
        assertThat(lxc("lxc.hook.start = /a\nlxc.hook.stop = /b\nlxc.hook =\nlxc.hook.clone = /c\n").hooks())
                .extracting(Hook::key).containsExactly("lxc.hook.clone");
    }

    @Test
    @DisplayName("lxc.hook with a value is an error")
    void hookWithValue() {
        LxcSettings s = lxc("lxc.hook.start = /a\nlxc.hook = /bin/true\n");
        assertThat(s.hooks()).hasSize(1);
        assertThat(problems(s)).containsExactly("2:12 error LXC114 'lxc.hook' only accepts an empty value, which"
                + " clears every hook; liblxc refuses the file");
        assertThat(s.diagnostics().get(0).hint()).contains("write the hook under its type, such as lxc.hook.pre-start"
                + " = /bin/true");
    }

    @Test
    @DisplayName("key, value, equality without origin; checks")
    void valueObject() {
        Hook h = lxc("lxc.hook.autodev = /x\n").hooks().get(0);
        assertThat(h.key()).isEqualTo("lxc.hook.autodev");
        assertThat(h.toValue()).isEqualTo("/x");
        assertThat(h).isEqualTo(Hook.of(HookType.AUTODEV, "/x")).hasSameHashCodeAs(Hook.of(HookType.AUTODEV, "/x"));
        assertThat(h).isNotEqualTo(Hook.of(HookType.MOUNT, "/x"));
        assertThatThrownBy(() -> Hook.of(HookType.START, "")).hasMessage("command is empty");
        assertThatThrownBy(() -> Hook.of(HookType.START, "a\rb")).hasMessage("command contains a line break at index 1");
    }
}
