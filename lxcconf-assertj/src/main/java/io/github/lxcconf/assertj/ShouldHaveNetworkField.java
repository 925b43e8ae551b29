package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@link NetworkAssert} check: the field asked for, what the interface has, and its lines. */
final class ShouldHaveNetworkField extends BasicErrorMessageFactory {

    private ShouldHaveNetworkField(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldHave(String config, String interfaceName, String field, String expected, String details) {
        return new ShouldHaveNetworkField("Expecting config %s interface %s to have %s %s,\n%s", config, unquotedString(interfaceName), unquotedString(field), expected, unquotedString(details));
    }
}
