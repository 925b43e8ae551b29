package io.github.lxcconf.it.liblxc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of a config (its included files followed) on which liblxc's verdict depends on the process
 * that loads the file rather than on the file: {@code lxc.environment = NAME} copies NAME from the loader's
 * environment and is refused when it is unset there, and an {@code idmap=PATH} mount option names a namespace
 * file of whatever process holds that path. The differential fuzzer leaves such files out of its agreement
 * figure and counts them apart.
 *
 * <pre>{@code
 * ProcessDependence.of(file);   // Optional["lxc.environment = HOME2"]
 * }</pre>
 */
final class ProcessDependence {
    private static final Pattern ENVIRONMENT = Pattern.compile(
            "[ \t]*lxc\\.environment[ \t]*=[ \t]*\"?([^=\"\r\n]*?)\"?[ \t\u000b\f\u001b]*");
    private static final Pattern INCLUDE = Pattern.compile("[ \t]*lxc\\.include[ \t]*=[ \t]*(/\\S+)[ \t]*");

    private ProcessDependence() {
    }

    /** Returns the first line of the file or of a file it includes whose meaning depends on the loading process. */
    static Optional<String> of(Path file) throws IOException {
        return of(file, new HashSet<>());
    }

    private static Optional<String> of(Path file, Set<Path> seen) throws IOException {
        if (!seen.add(file) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n|\n|\r")) {
            int nul = line.indexOf('\0');
            String l = nul >= 0 ? line.substring(0, nul) : line;
            Matcher env = ENVIRONMENT.matcher(l);
            if (env.matches() && !env.group(1).isBlank() && System.getenv(env.group(1).strip()) == null) {
                return Optional.of(l);
            }
            if (l.stripLeading().startsWith("lxc.") && l.contains("idmap=/")) {
                return Optional.of(l);
            }
            Matcher inc = INCLUDE.matcher(l);
            if (inc.matches()) {
                Optional<String> nested = of(Path.of(inc.group(1)), seen);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
