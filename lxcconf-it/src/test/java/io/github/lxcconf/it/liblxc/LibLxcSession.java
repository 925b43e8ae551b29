package io.github.lxcconf.it.liblxc;

import io.github.lxcconf.it.LxcHost;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One liblxc load harness and one working directory under {@code target/} for a test class: it requires LXC
 * ({@link LxcHost#require()}), starts the harness before the first test and stops it after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LibLxcSession SESSION = new LibLxcSession("corpus-");
 * ... Conformance.check(SESSION.lxc(), dir, file) ...
 * }</pre>
 */
final class LibLxcSession implements BeforeAllCallback, AfterAllCallback {
    private final String prefix;
    private LibLxc lxc;
    private Path work;

    LibLxcSession(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        LxcHost.require();
        lxc = LibLxc.start();
        work = Files.createTempDirectory(Path.of(System.getProperty("basedir", ".")).resolve("target"), prefix);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (lxc != null) {
            lxc.close();
        }
    }

    /** Returns the running harness. */
    LibLxc lxc() {
        return lxc;
    }

    /** Returns the test class's own directory under {@code target/}. */
    Path work() {
        return work;
    }
}
