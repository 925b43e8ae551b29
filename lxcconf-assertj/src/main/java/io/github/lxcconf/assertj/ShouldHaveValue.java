package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code hasValue}: the value asked for and the lines of that key, or the nearest keys. */
final class ShouldHaveValue extends BasicErrorMessageFactory {

    private ShouldHaveValue(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldHaveValue(String config, String key, String value, String details) {
        return new ShouldHaveValue("Expecting config %s to set %s to %s,\n%s", config, unquotedString(key), value, unquotedString(details));
    }
}
