package io.github.lxcconf.include;

import java.util.Objects;

/**
 * Where a value of the effective configuration comes from: a file and a line in it.
 *
 * <pre>{@code
 * new Provenance("/usr/share/lxc/config/common.conf", 21).toString(); // "common.conf line 21"
 * }</pre>
 *
 * @param source the file as it was named (the path of an included file, or the root config's source name)
 * @param line   the 1-based line number
 */
public record Provenance(String source, int line) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if source is null
     * @throws IllegalArgumentException if line is below 1
     */
    public Provenance {
        Objects.requireNonNull(source, "source");
        if (line < 1) {
            throw new IllegalArgumentException("line starts at 1, got " + line);
        }
    }

    /**
     * Returns the last segment of {@link #source()}, as an explanation names the file.
     *
     * <pre>{@code
     * new Provenance("/usr/share/lxc/config/common.conf", 21).fileName(); // "common.conf"
     * }</pre>
     *
     * @return the file name
     */
    public String fileName() {
        String s = source;
        while (s.length() > 1 && (s.endsWith("/") || s.endsWith("\\"))) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return slash >= 0 && slash < s.length() - 1 ? s.substring(slash + 1) : s;
    }

    /**
     * Returns {@code "<file name> line <n>"}, such as {@code "common.conf line 21"}.
     */
    @Override
    public String toString() {
        return fileName() + " line " + line;
    }
}
