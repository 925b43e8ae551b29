package io.github.lxcconf.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of a failed {@code hasBindMount}: the mount asked for and the mounts there are. */
final class ShouldHaveBindMount extends BasicErrorMessageFactory {

    private ShouldHaveBindMount(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldHaveBindMount(String config, String hostPath, String containerPath, String details) {
        return new ShouldHaveBindMount("Expecting config %s to bind-mount %s on %s,\n%s", config, hostPath, containerPath, unquotedString(details));
    }
}
