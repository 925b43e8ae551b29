package io.github.lxcconf.cli;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.Line;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code lxcconf fmt FILE...}. */
@Command(name = "fmt", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Print a config in the canonical style, or check that it is.",
        description = {"Prints the config in the canonical style, as gofmt does; the file is not changed unless --in-place is given. The canonical style: 'key = value' for LXC, 'key: value' for Proxmox (as Proxmox writes it), no indentation, no blanks after a value, empty blank lines, a line end after the last line. Values, comment text, line order and line ends are kept; a line that does not parse, or would be read differently, is left as it is.",
                "With several configs (a directory stands for the configs in it), each formatted config starts with a line '==> FILE <==', as explain and head print it; --in-place, --check and --diff name the file on each line they print.",
                "--check prints FILE:LINE: not in canonical style, with the canonical form, for every line that is not canonical."},
        exitCodeListHeading = Cli.EXIT_HEADING,
        exitCodeList = {"0:printed or written; with --check: every line is canonical",
                "1:with --check: some line is not canonical",
                "2:usage error, the file cannot be read or written, or it changed meanwhile"},
        footerHeading = Cli.EXAMPLES,
        footer = {"  lxcconf fmt --check /var/lib/lxc/*/config",
                "  lxcconf fmt --diff /etc/pve/lxc/102.conf",
                "  lxcconf fmt --in-place /var/lib/lxc/web1/config",
                "  lxcconf fmt - < config > config.new"})
final class FmtCommand implements Callable<Integer> {
    private final Context context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = Inputs.FILE_DESCRIPTION)
    List<String> files;

    @Option(names = {"-c", "--check"}, description = "report the lines not in canonical style; exit status 1 if any")
    boolean check;

    @Option(names = {"-d", "--diff"}, description = "print a unified diff instead of the formatted config")
    boolean diff;

    @Option(names = {"-i", "--in-place"},
            description = "write the formatted config to each FILE atomically, refusing if a FILE changed meanwhile")
    boolean inPlace;

    FmtCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (inPlace && (check || diff)) {
            throw new ParameterException(spec.commandLine(), "--in-place cannot be combined with --check or --diff");
        }
        Source.checkInPlace(spec, inPlace, files);
        boolean several = Inputs.inputs(files).size() > 1;
        boolean[] different = {false};
        int[] printed = {0};
        boolean readable = Inputs.each(context, files, source -> {
            LxcConfig original = source.config();
            LxcConfig formatted = original.format();
            boolean changed = formatted != original && !sameText(original, formatted);
            different[0] |= changed;
            if (check) {
                report(source, original, formatted);
            }
            if (diff && changed) {
                Diffs.print(context, source.name(), original, formatted);
            }
            if (inPlace && changed) {
                source.writeInPlace(context, formatted);
                context.err.println("lxcconf: formatted " + source.name());
            }
            if (!check && !diff && !inPlace) {
                if (several) {
                    context.out.print((printed[0]++ == 0 ? "" : "\n") + "==> " + Style.visible(source.name()) + " <==\n");
                    context.out.flush();
                }
                context.writeConfig(formatted);
            }
        });
        context.out.flush();
        if (!readable) {
            return Cli.TROUBLE;
        }
        return check && different[0] ? Cli.FOUND : Cli.OK;
    }

    /**
     * Whether two configs have the same text, compared line by line (formatting keeps line N on line N) without
     * rendering either.
     */
    private static boolean sameText(LxcConfig a, LxcConfig b) {
        List<Line> x = a.lines();
        List<Line> y = b.lines();
        if (a.hasByteOrderMark() != b.hasByteOrderMark() || x.size() != y.size()) {
            return a.render().equals(b.render());
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i).length() != y.get(i).length() || !x.get(i).text().equals(y.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    private void report(Source source, LxcConfig original, LxcConfig formatted) {
        List<Line> before = original.lines();
        List<Line> after = formatted.lines();
        for (int i = 0; i < before.size() && i < after.size(); i++) {
            Line was = before.get(i);
            Line now = after.get(i);
            if (was.text().equals(now.text())) {
                continue;
            }
            String canonical;
            if (was.content().equals(now.content())) {
                canonical = was.eol().isEmpty() ? "add a line end after the last line" : "line end";
            } else {
                canonical = now.content().isEmpty() ? "canonical: (an empty line)" : "canonical: " + now.content();
            }
            context.out.print(source.name() + ":" + (i + 1) + ": not in canonical style\n  " + canonical + "\n");
        }
        if (before.size() != after.size()) {
            context.out.print(source.name() + ": not in canonical style (the formatted config has "
                    + after.size() + " lines, not " + before.size() + ")\n");
        }
    }
}
