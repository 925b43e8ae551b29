package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code renders}: the first line that differs, both versions quoted with line ends visible. */
final class ShouldRender extends BasicErrorMessageFactory {

    private ShouldRender(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldRender(String config, String details) {
        return new ShouldRender("Expecting config %s to render as expected,\n%s", config, unquotedString(details));
    }
}
