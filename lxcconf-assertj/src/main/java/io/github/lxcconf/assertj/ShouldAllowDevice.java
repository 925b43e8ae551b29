package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code allowsDevice}: which device, with what access, and the device rules with the deciding ones marked. */
final class ShouldAllowDevice extends BasicErrorMessageFactory {

    private ShouldAllowDevice(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldAllowDevice(String config, String device, String access, String host, String details) {
        return new ShouldAllowDevice("Expecting config %s to allow %s with access %s on %s,\n%s", config, unquotedString(device), unquotedString(access), unquotedString(host), unquotedString(details));
    }
}
