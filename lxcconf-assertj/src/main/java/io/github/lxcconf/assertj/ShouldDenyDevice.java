package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code deniesDevice}: which device, with what access, and the lines that grant it. */
final class ShouldDenyDevice extends BasicErrorMessageFactory {

    private ShouldDenyDevice(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldDenyDevice(String config, String device, String access, String host, String details) {
        return new ShouldDenyDevice("Expecting config %s to deny %s with access %s on %s,\n%s", config, unquotedString(device), unquotedString(access), unquotedString(host), unquotedString(details));
    }
}
