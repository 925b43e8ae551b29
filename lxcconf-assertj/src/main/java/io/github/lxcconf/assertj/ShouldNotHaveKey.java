package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code doesNotHaveKey}: the lines that set the key. */
final class ShouldNotHaveKey extends BasicErrorMessageFactory {

    private ShouldNotHaveKey(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldNotHaveKey(String config, String key, String details) {
        return new ShouldNotHaveKey("Expecting config %s not to set %s,\n%s", config, unquotedString(key), unquotedString(details));
    }
}
