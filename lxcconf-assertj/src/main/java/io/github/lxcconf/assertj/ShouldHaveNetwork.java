package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code hasNetwork}: the interfaces there are, with their lines. */
final class ShouldHaveNetwork extends BasicErrorMessageFactory {

    private ShouldHaveNetwork(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldHaveNetwork(String config, String interfaceName, String details) {
        return new ShouldHaveNetwork("Expecting config %s to have network interface %s,\n%s", config, unquotedString(interfaceName), unquotedString(details));
    }
}
