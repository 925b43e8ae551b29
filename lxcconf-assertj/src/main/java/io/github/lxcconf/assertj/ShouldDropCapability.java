package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code dropsCapability}: the capability lines, with those that keep it marked. */
final class ShouldDropCapability extends BasicErrorMessageFactory {

    private ShouldDropCapability(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldDropCapability(String config, String capability, String details) {
        return new ShouldDropCapability("Expecting config %s to drop capability %s,\n%s", config, unquotedString(capability), unquotedString(details));
    }
}
