package io.github.lxcconf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The FILE arguments of a command: files, {@code -} for standard input, and directories, which stand
 * for the configs in them as Proxmox VE and LXC lay them out.
 */
final class Inputs {
    static final String FILE_DESCRIPTION = "config files, - for standard input, or directories: the *.conf files"
            + " in one (/etc/pve/lxc), or its config file and those of its subdirectories (/var/lib/lxc)";

    private Inputs() {
    }

    /** One argument after expansion: a file to read, or a directory without configs. */
    record Input(String name, Optional<UserException> problem) {
        static Input file(String name) {
            return new Input(name, Optional.empty());
        }
    }

    /**
     * The files named by the arguments: a directory stands for its {@code *.conf} files
     * ({@code /etc/pve/lxc}), its {@code config} file and the {@code config} of each subdirectory
     * ({@code /var/lib/lxc}), sorted by name. Anything else is kept as given.
     */
    static List<String> expand(List<String> arguments) {
        List<String> out = new ArrayList<>();
        for (Input input : inputs(arguments)) {
            out.add(input.name());
        }
        return out;
    }

    /** As {@link #expand}, with a problem for a directory that holds no config. */
    static List<Input> inputs(List<String> arguments) {
        List<Input> out = new ArrayList<>();
        for (String argument : arguments) {
            Path dir;
            try {
                dir = Path.of(argument);
            } catch (InvalidPathException e) {
                out.add(Input.file(argument));
                continue;
            }
            if (argument.equals(Source.STDIN) || !Files.isDirectory(dir)) {
                out.add(Input.file(argument));
                continue;
            }
            List<Path> found = new ArrayList<>();
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : entries.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (Files.isRegularFile(p) && (name.endsWith(".conf") || name.equals("config"))) {
                        found.add(p);
                    } else if (Files.isRegularFile(p.resolve("config"))) {
                        found.add(p.resolve("config"));
                    }
                }
            } catch (IOException e) {
                out.add(new Input(argument, Optional.of(Source.readFailure(argument, e))));
                continue;
            }
            if (found.isEmpty()) {
                out.add(new Input(argument, Optional.of(new UserException("no configs found in " + argument,
                        "a directory stands for its *.conf files (/etc/pve/lxc), its config file and the"
                                + " config file of each subdirectory (/var/lib/lxc)"))));
            }
            found.forEach(p -> out.add(Input.file(p.toString())));
        }
        return out;
    }

    /**
     * Reads each config named by the arguments and runs the action on it. A file that cannot be read,
     * or on which the action fails with a problem the user can fix, is reported in one line and the
     * others are still done.
     *
     * @return whether every file was read and done
     */
    static boolean each(Context context, List<String> arguments, Consumer<Source> action) {
        boolean allDone = true;
        for (Input input : inputs(arguments)) {
            try {
                if (input.problem().isPresent()) {
                    throw input.problem().get();
                }
                action.accept(Source.read(context, input.name()));
            } catch (UserException e) {
                report(context, e);
                allDone = false;
            }
        }
        context.out.flush();
        return allDone;
    }

    /** Prints a problem as the command-line prints it: one line, and its hint. */
    static void report(Context context, UserException e) {
        context.out.flush();
        context.err.println("lxcconf: " + e.getMessage());
        e.hint().ifPresent(h -> context.err.println("  hint: " + h));
        context.err.flush();
    }
}
