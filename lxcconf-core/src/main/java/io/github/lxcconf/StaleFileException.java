package io.github.lxcconf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when a config file changed on disk since it was read, so that writing
 * would lose someone else's change. The file is left as it is.
 *
 * <pre>{@code
 * LxcConfig config = LxcConfig.parse(file);
 * String digest = config.digest();
 * try {
 *     config.edit().set("memory", "2048").build().writeTo(file, digest);
 * } catch (StaleFileException e) {
 *     // another tool (pct, the GUI) wrote the file meanwhile: read it again and redo the edit
 * }
 * }</pre>
 */
public final class StaleFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file; a String, since Path is not serializable. */
    private final String file;
    private final String expectedDigest;
    private final String actualDigest;

    /**
     * Creates the exception.
     *
     * @param file           the file that changed
     * @param expectedDigest the digest the caller read
     * @param actualDigest   the digest of the file now
     */
    public StaleFileException(Path file, String expectedDigest, String actualDigest) {
        super(file + " changed since it was read (digest " + actualDigest + ", expected " + expectedDigest
                + "); nothing was written");
        this.file = file.toString();
        this.expectedDigest = expectedDigest;
        this.actualDigest = actualDigest;
    }

    /**
     * Returns the file that changed.
     *
     * @return the path
     */
    public Path file() {
        return Path.of(file);
    }

    /**
     * Returns the digest the caller expected.
     *
     * @return a SHA-1 in lower-case hex
     */
    public String expectedDigest() {
        return expectedDigest;
    }

    /**
     * Returns the digest of the file on disk now.
     *
     * @return a SHA-1 in lower-case hex
     */
    public String actualDigest() {
        return actualDigest;
    }
}
