package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code hasNoErrors} or {@code hasNoWarnings}: each diagnostic in compiler style with its line. */
final class ShouldHaveNoDiagnostics extends BasicErrorMessageFactory {

    private ShouldHaveNoDiagnostics(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldHaveNo(String config, String what, String details) {
        return new ShouldHaveNoDiagnostics("Expecting config %s to have no %s,\n%s", config, unquotedString(what), unquotedString(details));
    }
}
