package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.model.EnvironmentVariable.Scope;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EnvironmentVariableTest {

    @Test
    @DisplayName("NAME=value splits at the first '='; NAME alone copies the loader's value")
    void parse() {
        EnvironmentVariable abc = EnvironmentVariable.parse(Scope.COMMON, "A=B=C");
        assertThat(abc.name()).isEqualTo("A");
        assertThat(abc.value()).contains("B=C");
        assertThat(abc.toValue()).isEqualTo("A=B=C");
        EnvironmentVariable path = EnvironmentVariable.parse(Scope.COMMON, "PATH");
        assertThat(path.isInherited()).isTrue();
        assertThat(path.value()).isEmpty();
        assertThat(path.toValue()).isEqualTo("PATH");
        assertThat(EnvironmentVariable.parse(Scope.HOOKS, "DEBUG=").value()).contains("");
        assertThat(EnvironmentVariable.parse(Scope.HOOKS, "DEBUG=").isInherited()).isFalse();
        assertThatThrownBy(() -> EnvironmentVariable.parse(Scope.COMMON, "=x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'=x' in lxc.environment has no variable name before '='");
    }

    @Test
    @DisplayName("three list keys, each cleared by its own empty value; a nameless entry is a warning")
    void settings() {
        LxcSettings s = lxc("""
                lxc.environment = TZ=UTC
                lxc.environment.runtime = container=lxc
                lxc.environment = http_proxy
                lxc.environment.hooks = DEBUG=1
                lxc.environment.hooks =
                lxc.environment = =oops
                """);
        assertThat(s.environment()).containsExactly(EnvironmentVariable.of("TZ", "UTC"),
                new EnvironmentVariable(Scope.RUNTIME, "container", Optional.of("lxc"), Optional.empty()),
                EnvironmentVariable.inherit("http_proxy"));
        assertThat(s.environment()).extracting(EnvironmentVariable::key).containsExactly("lxc.environment",
                "lxc.environment.runtime", "lxc.environment");
        assertThat(s.environment().get(2).origin().map(Origin::lineNumber)).contains(3);
        assertThat(problems(s)).containsExactly(
                "6:19 warning LXC115 '=oops' in lxc.environment has no variable name before '='");
        assertThat(lxc("lxc.environment = A=1\nlxc.environment.runtime = B=2\nlxc.environment =\n").environment())
                .extracting(EnvironmentVariable::name).containsExactly("B");
    }

    @Test
    @DisplayName("equality without origin; checks")
    void valueObject() {
        EnvironmentVariable parsed = lxc("lxc.environment = TZ=UTC\n").environment().get(0);
        assertThat(parsed).isEqualTo(EnvironmentVariable.of("TZ", "UTC"))
                .hasSameHashCodeAs(EnvironmentVariable.of("TZ", "UTC"));
        assertThat(parsed).isNotEqualTo(EnvironmentVariable.of("TZ", "CET"));
        assertThat(parsed).isNotEqualTo(new EnvironmentVariable(Scope.HOOKS, "TZ", Optional.of("UTC"),
                Optional.empty()));
        assertThat(Scope.RUNTIME.key()).isEqualTo("lxc.environment.runtime");
        assertThatThrownBy(() -> EnvironmentVariable.of("", "x"))
                .hasMessage("a variable name is not empty and has no '=', got ''");
        assertThatThrownBy(() -> EnvironmentVariable.of("A=B", "x"))
                .hasMessage("a variable name is not empty and has no '=', got 'A=B'");
        assertThatThrownBy(() -> EnvironmentVariable.of("A", "x\ny")).hasMessage("value contains a line break at index 1");
    }
}
