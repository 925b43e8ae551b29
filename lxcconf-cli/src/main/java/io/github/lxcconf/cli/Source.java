package io.github.lxcconf.cli;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.StaleFileException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * A config read from a file or from standard input ({@code -}).
 *
 * @param name   the name messages and diagnostics use: the argument as given, or {@code <stdin>}
 * @param file   the file, or empty for standard input
 * @param config the config as read
 * @param binaryAt where binary content starts, when the file is mostly not text (a program, an image)
 */
record Source(String name, Optional<Path> file, LxcConfig config, java.util.OptionalLong binaryAt) {
    static final String STDIN = "-";
    static final String STDIN_NAME = "<stdin>";
    private static final String MISSING_HINT = "a Proxmox VE container's config is /etc/pve/lxc/VMID.conf,"
            + " a native LXC container's /var/lib/lxc/NAME/config; use - to read standard input";

    /** Refuses {@code --in-place} for standard input: there is no file to write back to. */
    static void checkInPlace(CommandSpec spec, boolean inPlace, Collection<String> arguments) {
        if (inPlace && arguments.contains(STDIN)) {
            throw new ParameterException(spec.commandLine(),
                    "--in-place needs a file, not standard input");
        }
    }

    /** Reads the argument: {@code -} is standard input, anything else a file. */
    static Source read(Context context, String argument) {
        if (argument.equals(STDIN)) {
            byte[][] bytes = new byte[1][];
            try {
                bytes[0] = context.in.readAllBytes();
            } catch (IOException e) {
                throw new UserException("cannot read standard input: " + e.getMessage());
            }
            return of(context, STDIN_NAME, Optional.empty(), bytes);
        }
        Path file;
        try {
            file = Path.of(argument);
        } catch (InvalidPathException e) {
            throw new UserException("cannot read " + argument + ": not a valid file name (" + e.getReason() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new UserException("cannot read " + argument + ": is a directory",
                    "name the config file itself, such as " + file.resolve("config"));
        }
        byte[][] bytes = new byte[1][];
        try {
            bytes[0] = Files.readAllBytes(file);
        } catch (IOException e) {
            throw readFailure(argument, e);
        }
        return of(context, argument, Optional.of(file), bytes);
    }

    /**
     * Reads the bytes in {@code read[0]}, which it takes out of the array: no caller keeps the file's bytes while
     * its text and lines are made (for a large file they are as large as the text).
     */
    private static Source of(Context context, String name, Optional<Path> file, byte[][] read) {
        java.util.OptionalLong binary = binaryAt(read[0]);
        if (binary.isPresent() && !context.acceptsBinary) {
            throw new UserException("cannot read " + name + ": not a config file: binary content at byte "
                    + binary.getAsLong(), "name a container's config, such as /etc/pve/lxc/VMID.conf");
        }
        return new Source(name, file, reader(context).sourceName(name).parse(take(read)), binary);
    }

    /** The array's one element, which the array no longer holds. */
    private static byte[] take(byte[][] holder) {
        byte[] bytes = holder[0];
        holder[0] = null;
        return bytes;
    }

    /** How much of the start of a file is looked at to tell text from binary content. */
    private static final int SAMPLE = 8192;

    /**
     * Where binary content starts when a file is mostly not text: more than one in ten of its first 8 KiB
     * are NUL or other control bytes that no config holds (tab, line ends and form feed aside). The offset
     * is that of the first such byte. A config with a stray NUL is text: lint reports the NUL (LXC003).
     */
    static java.util.OptionalLong binaryAt(byte[] bytes) {
        int n = Math.min(bytes.length, SAMPLE);
        int control = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                control++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return n > 0 && control * 10 > n ? java.util.OptionalLong.of(first) : java.util.OptionalLong.empty();
    }

    /** The one diagnostic lint reports for a binary file. */
    static io.github.lxcconf.Diagnostic binaryDiagnostic(String name, long offset) {
        return new io.github.lxcconf.Diagnostic(io.github.lxcconf.Severity.ERROR,
                io.github.lxcconf.DiagnosticCode.ENC_BINARY, "not a config file: binary content at byte " + offset,
                Optional.of("name a container's config, such as /etc/pve/lxc/VMID.conf"), name, 1, 1);
    }

    private static io.github.lxcconf.ConfigReader reader(Context context) {
        return context.dialect == null ? LxcConfig.reader() : LxcConfig.reader().dialect(context.dialect);
    }

    /** The message for a file that cannot be read. */
    static UserException readFailure(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UserException("cannot read " + name + ": no such file", MISSING_HINT);
        }
        if (e instanceof AccessDeniedException) {
            return new UserException("cannot read " + name + ": permission denied",
                    "run as a user that may read it (Proxmox VE configs are readable by root only)");
        }
        return new UserException("cannot read " + name + ": " + reason(e));
    }

    /** Writes the new config over the file atomically, unless the file changed since it was read. */
    void writeInPlace(Context context, LxcConfig result) {
        Path path = file.orElseThrow(() -> new IllegalStateException("no file to write"));
        try {
            context.hooks.beforeWrite(path);
            result.writeTo(path, config.digest());
        } catch (StaleFileException e) {
            throw new UserException(name + " changed since it was read; nothing was written",
                    "another program (pct, the web interface, an editor) wrote it meanwhile: run the command again");
        } catch (AccessDeniedException e) {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null && e.getFile() != null && !Path.of(e.getFile()).toAbsolutePath().equals(path.toAbsolutePath())
                    || dir != null && !java.nio.file.Files.isWritable(dir)) {
                // the new text goes to a temporary file beside the config, then replaces it
                throw new UserException("cannot write " + name + ": the directory " + dir + " is not writable;"
                        + " the file is unchanged", "--in-place writes a new file beside the config and renames it"
                        + " over the old one, so it needs write permission on the directory");
            }
            throw new UserException("cannot write " + name + ": permission denied");
        } catch (IOException e) {
            throw new UserException("cannot write " + name + ": " + reason(e) + "; the file is unchanged");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }
}
