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
 */
record Source(String name, Optional<Path> file, LxcConfig config) {
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
            byte[] bytes;
            try {
                bytes = context.in.readAllBytes();
            } catch (IOException e) {
                throw new UserException("cannot read standard input: " + e.getMessage());
            }
            return new Source(STDIN_NAME, Optional.empty(), LxcConfig.reader().sourceName(STDIN_NAME).parse(bytes));
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw readFailure(argument, e);
        }
        return new Source(argument, Optional.of(file), LxcConfig.reader().sourceName(argument).parse(bytes));
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
