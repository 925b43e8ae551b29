package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code isUnprivileged} or {@code isPrivileged}: what makes the container run as it does. */
final class ShouldBePrivileged extends BasicErrorMessageFactory {

    private ShouldBePrivileged(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldBe(String config, String expected, String details) {
        return new ShouldBePrivileged("Expecting config %s to be %s,\n%s", config, unquotedString(expected), unquotedString(details));
    }
}
