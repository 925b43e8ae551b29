package io.github.lxcconf.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The {@code lxcconf} command: explains, lints, migrates, edits, queries and formats LXC and
 * Proxmox VE container configs, changing only the lines an edit concerns.
 *
 * <pre>{@code
 * $ java -jar lxcconf.jar explain /etc/pve/lxc/102.conf
 * $ java -jar lxcconf.jar lint --format json /var/lib/lxc/web1/config
 * $ java -jar lxcconf.jar edit --passthrough /dev/kvm --in-place /etc/pve/lxc/102.conf
 *
 * int status = Main.run(new String[] {"lint", "102.conf"}, System.in, System.out, System.err, System.getenv());
 * }</pre>
 *
 * <p>Exit status: 0 when all went well (for {@code lint}: no errors), 1 when {@code lint} found
 * errors, {@code fmt --check} found lines not in the canonical style or {@code get} found no
 * value, 2 for a usage error or a file that cannot be read or written, 3 for a bug in lxcconf (with a
 * stack trace).
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command and exits the JVM with its exit status.
     *
     * @param args the command line, such as {@code explain 102.conf}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv(), terminal(), Hooks.NONE));
    }

    /**
     * Whether standard input and output are a terminal. Up to Java 21 that is a console existing at all;
     * from Java 22 on a console exists for pipes too, and {@code Console.isTerminal()} tells.
     */
    static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }

    /**
     * Runs the command without exiting: for tests and for embedding. Output is written as UTF-8;
     * colour is never used (the output is not taken to be a terminal) unless {@code --color=always}.
     *
     * <pre>{@code
     * int status = Main.run(new String[] {"get", "102.conf", "hostname"}, System.in, System.out, System.err, Map.of());
     * }</pre>
     *
     * @param args the command line, without the program name
     * @param in   standard input, read for the file name {@code -}
     * @param out  standard output
     * @param err  standard error
     * @param env  the environment ({@code NO_COLOR} is honoured)
     * @return the exit status: 0, 1, 2 or 3
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, in, out, err, env, false, Hooks.NONE);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
                   boolean terminal, Hooks hooks) {
        Context context = new Context(in, out, err, env, terminal, hooks);
        try {
            return Cli.execute(context, args);
        } finally {
            context.flush();
        }
    }
}
