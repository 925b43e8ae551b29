package io.github.lxcconf.cli;

import io.github.lxcconf.LxcConfigException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.UncheckedIOException;

/** Builds the {@code lxcconf} command line: the root command, its subcommands and the error handling. */
final class Cli {
    /** Exit status: all went well. */
    static final int OK = 0;
    /** Exit status: the check failed (lint errors, fmt --check differences, get without a value). */
    static final int FOUND = 1;
    /** Exit status: usage error, or a file that cannot be read or written. */
    static final int TROUBLE = 2;
    /** Exit status: a bug in lxcconf. */
    static final int INTERNAL = 3;

    static final String EXIT_HEADING = "%nExit status:%n";
    static final String EXAMPLES = "%nExamples:%n";

    private Cli() {
    }

    /** The root command: only dispatches. */
    @Command(name = "lxcconf", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            synopsisSubcommandLabel = "COMMAND",
            description = "Reads, explains, checks and edits LXC and Proxmox VE container configs, changing only the lines an edit concerns. Reading commands take several FILEs; a FILE may be a directory of configs, or - for standard input.",
            commandListHeading = "%nCommands:%n",
            exitCodeListHeading = EXIT_HEADING,
            exitCodeList = {"0:success (lint: no errors)",
                    "1:lint found errors, migrate --check or fmt --check found lines to change, get found no value,"
                            + " start-config: Proxmox refuses to start a container",
                    "2:usage error, or a file that cannot be read or written",
                    "3:internal error (a bug in lxcconf: please report it)"},
            footerHeading = EXAMPLES,
            footer = {"  lxcconf explain /etc/pve/lxc/102.conf",
                    "  lxcconf lint --format json /var/lib/lxc/web1/config",
                    "  lxcconf migrate --in-place /var/lib/lxc/web1/config",
                    "  lxcconf edit --passthrough /dev/kvm --in-place /etc/pve/lxc/102.conf",
                    "  lxcconf get /etc/pve/lxc/102.conf net0.hwaddr",
                    "  lxcconf fmt --check /var/lib/lxc/*/config",
                    "  lxcconf start-config /etc/pve/lxc/102.conf",
                    "",
                    "Run 'lxcconf help COMMAND' or 'lxcconf COMMAND --help' for a command's options."})
    static final class Root implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "missing command");
        }
    }

    /**
     * Runs the command line: {@code lint FILE...} and {@code explain FILE...} without options directly (see
     * {@link #quick}), and so {@code --version}; anything else through picocli.
     */
    static int execute(Context context, String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what picocli's version option prints: the provider's one line
            for (String line : new VersionProvider().getVersion()) {
                context.out.println(line);
            }
            return OK;
        }
        return quick(args) ? runQuick(context, args) : commandLine(context, args).execute(args);
    }

    /**
     * Whether the command line is {@code lint} or {@code explain} with files and nothing else: no option, no
     * {@code --}, no {@code @file} (picocli reads arguments from it), no empty argument. Such a run needs none of
     * picocli's model: the commands' fields start at the values picocli leaves them at when no option is given,
     * and {@link #runQuick} handles a failure as picocli's execution handler does. Loading and setting up picocli
     * costs more than a short run of lint itself; help, errors and every other command line still go through it.
     */
    static boolean quick(String[] args) {
        if (args.length < 2 || !(args[0].equals("lint") || args[0].equals("explain"))) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.startsWith("@") || arg.startsWith("-") && !arg.equals(Source.STDIN)) {
                return false;
            }
        }
        return true;
    }

    private static int runQuick(Context context, String[] args) {
        java.util.List<String> files = java.util.List.of(args).subList(1, args.length);
        java.util.concurrent.Callable<Integer> command;
        if (args[0].equals("lint")) {
            LintCommand lint = new LintCommand(context);
            lint.files = new java.util.ArrayList<>(files);
            command = lint;
        } else {
            ExplainCommand explain = new ExplainCommand(context);
            explain.files = new java.util.ArrayList<>(files);
            command = explain;
        }
        try {
            return command.call();
        } catch (Exception e) {
            return failed(context, e);
        }
    }

    /** The subcommands that run a config command, in the order the root's help lists them. */
    private static final java.util.List<String> COMMANDS =
            java.util.List.of("explain", "lint", "migrate", "edit", "get", "fmt", "start-config");

    /**
     * The command line for these arguments: when the first names a command, the root with that command alone,
     * as only it is parsed and run (its help, errors and suggestions read its own model and the root's name);
     * otherwise the root with every command, for the command list, {@code help}, completion and the suggestion
     * for a misspelt command.
     */
    static CommandLine commandLine(Context context, String[] args) {
        CommandLine cli = new CommandLine(new Root());
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.contains(first)) {
            cli.addSubcommand(first, command(first, context));
        } else {
            for (String name : COMMANDS) {
                cli.addSubcommand(name, command(name, context));
            }
            cli.addSubcommand("help", new CommandLine.HelpCommand());
            // bash and zsh completion, from picocli: source <(lxcconf generate-completion)
            cli.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
            cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        }
        cli.setOut(context.out);
        cli.setErr(context.err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setColorScheme(Help.defaultColorScheme(context.colour(ColourMode.AUTO) ? Help.Ansi.ON : Help.Ansi.OFF));
        cli.setParameterExceptionHandler(parameterHandler());
        cli.setExecutionExceptionHandler(executionHandler(context));
        return cli;
    }

    private static Object command(String name, Context context) {
        return switch (name) {
            case "explain" -> new ExplainCommand(context);
            case "lint" -> new LintCommand(context);
            case "migrate" -> new MigrateCommand(context);
            case "edit" -> new EditCommand(context);
            case "get" -> new GetCommand(context);
            case "fmt" -> new FmtCommand(context);
            case "start-config" -> new StartConfigCommand(context);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A usage error: the message, a suggestion for a misspelt option or command, where to find help. */
    private static IParameterExceptionHandler parameterHandler() {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            java.io.PrintWriter err = cmd.getErr();
            err.println("lxcconf: " + message(e));
            UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return TROUBLE;
        };
    }

    /** The message of a usage error, worded for this tool. */
    static String message(ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException u && cmd.getParent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        String message = String.valueOf(e.getMessage());
        return message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
    }

    /** A failed command: one line for a problem the user can fix, a stack trace only for a bug. */
    private static IExecutionExceptionHandler executionHandler(Context context) {
        return (Exception e, CommandLine cmd, ParseResult parsed) -> failed(context, e);
    }

    /** Reports a failed command and returns its exit status. */
    static int failed(Context context, Exception e) {
        java.io.PrintWriter err = context.err;
        if (e instanceof UserException u) {
            err.println("lxcconf: " + u.getMessage());
            u.hint().ifPresent(h -> err.println("  hint: " + h));
        } else if (e instanceof LxcConfigException c) {
            err.println("lxcconf: " + c.getMessage());
        } else if (e instanceof UncheckedIOException io) {
            err.println("lxcconf: " + io.getCause().getMessage());
        } else {
            err.println("lxcconf: internal error, please report it with the command and the file:");
            e.printStackTrace(err);
            err.flush();
            return INTERNAL;
        }
        err.flush();
        return TROUBLE;
    }
}
