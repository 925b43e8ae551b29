package io.github.lxcconf.cli;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.Severity;
import io.github.lxcconf.validate.LxcVersion;
import io.github.lxcconf.validate.ValidationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lxcconf lint FILE...}. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Check configs; print compiler-style FILE:LINE:COLUMN messages.",
        description = {"Checks configs as liblxc and Proxmox VE read them and prints one line per problem, as compilers do:",
                "  FILE:LINE:COLUMN: SEVERITY: MESSAGE [CODE]",
                "followed, where there is advice, by an indented '  hint: ...' line. SEVERITY is error (liblxc or Proxmox refuses the file or drops the line), warning (accepted, but almost certainly not what was meant) or info. A count goes to standard error."},
        exitCodeListHeading = Cli.EXIT_HEADING,
        exitCodeList = {"0:no errors (warnings too with --fail-on=warning)",
                "1:errors found (or warnings, with --fail-on=warning)",
                "2:usage error, or a file that cannot be read"},
        footerHeading = Cli.EXAMPLES,
        footer = {"  lxcconf lint /etc/pve/lxc/*.conf",
                "  lxcconf lint /var/lib/lxc                  # every container's config",
                "  lxcconf lint --lxc-version 7.0 --host-cgroup v2 /var/lib/lxc/web1/config",
                "  lxcconf lint --format json /etc/pve/lxc/102.conf | jq '.[].diagnostics[].code'",
                "",
                "JSON output is an array with one object per file:",
                "  [{\"file\": \"102.conf\", \"errors\": 1, \"warnings\": 0, \"infos\": 0, \"diagnostics\": [",
                "     {\"file\": \"102.conf\", \"line\": 14, \"column\": 1, \"severity\": \"error\",",
                "      \"code\": \"PVE001\", \"message\": \"...\", \"hint\": \"...\" or null}]}]"})
final class LintCommand implements Callable<Integer> {
    enum Format { TEXT, JSON }

    enum FailOn { ERROR, WARNING }

    /** The host's cgroup layout. */
    enum HostCgroup { V2, V1, HYBRID }

    private final Context context;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "config files, - for standard input, or"
            + " directories: the *.conf files in one (/etc/pve/lxc), or its config file and those of its"
            + " subdirectories (/var/lib/lxc)")
    List<String> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (the default) or json")
    Format format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "the lowest severity that makes the exit status 1: error (the default) or warning")
    FailOn failOn;

    @Option(names = "--werror", description = "same as --fail-on=warning")
    boolean werror;

    @Option(names = "--lxc-version", paramLabel = "VERSION", converter = VersionConverter.class,
            description = "the liblxc release line to check against: 5.0, 6.0 (the default) or 7.0")
    LxcVersion version;

    @Option(names = "--host-cgroup", paramLabel = "LAYOUT",
            description = "the host's cgroup layout: v2 (cgroup2 only: Proxmox VE 7 and later, current distributions), v1 or hybrid; by default v2 for Proxmox configs, not assumed for LXC")
    HostCgroup hostCgroup;

    @Option(names = "--include-base", paramLabel = "DIR",
            description = "follow lxc.include lines, relative paths starting at DIR; a missing include is an error")
    Path includeBase;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour severities: auto (on a terminal, unless NO_COLOR is set), always, never")
    ColourMode colour;

    LintCommand(Context context) {
        this.context = context;
    }

    /** Reads {@code 5}, {@code 5.0}, {@code 6}, {@code 6.0.3}, ... */
    static final class VersionConverter implements ITypeConverter<LxcVersion> {
        @Override
        public LxcVersion convert(String value) {
            String major = value.strip().split("\\.", 2)[0];
            for (LxcVersion v : LxcVersion.values()) {
                if (String.valueOf(v.major()).equals(major)) {
                    return v;
                }
            }
            throw new TypeConversionException("unknown liblxc version '" + value + "' (expected 5.0, 6.0 or 7.0)");
        }
    }

    /** The files named by the arguments: see {@link Inputs#expand}. */
    static List<String> expand(List<String> arguments) {
        return Inputs.expand(arguments);
    }

    /** One file's result. */
    private record Result(String name, List<Diagnostic> diagnostics) {
        long count(Severity severity) {
            return diagnostics.stream().filter(d -> d.severity() == severity).count();
        }
    }

    @Override
    public Integer call() {
        ValidationOptions options = options();
        List<Result> results = new ArrayList<>();
        boolean unreadable = false;
        Style style = new Style(context.colour(colour));
        if (format == Format.JSON) {
            context.out.print('[');
        }
        boolean readable = Inputs.each(context, files, source -> {
            Result result = new Result(source.name(), source.config().validate(options).diagnostics());
            if (format == Format.JSON) {
                printJson(result, results.isEmpty());
            } else {
                printText(result, style);
            }
            results.add(result);
        });
        unreadable = !readable;
        if (format == Format.JSON) {
            context.out.print(results.isEmpty() ? "]\n" : "\n]\n");
        }
        context.out.flush();
        long errors = results.stream().mapToLong(r -> r.count(Severity.ERROR)).sum();
        long warnings = results.stream().mapToLong(r -> r.count(Severity.WARNING)).sum();
        long infos = results.stream().mapToLong(r -> r.count(Severity.INFO)).sum();
        if (format == Format.TEXT && errors + warnings + infos > 0) {
            context.err.println(plural(errors, "error") + ", " + plural(warnings, "warning")
                    + (infos > 0 ? ", " + infos + " info" : "") + " in " + plural(results.size(), "file"));
        }
        context.err.flush();
        if (unreadable) {
            return Cli.TROUBLE;
        }
        boolean failOnWarning = werror || failOn == FailOn.WARNING;
        return errors > 0 || failOnWarning && warnings > 0 ? Cli.FOUND : Cli.OK;
    }

    private ValidationOptions options() {
        ValidationOptions options = ValidationOptions.defaults();
        if (version != null) {
            options = options.withVersion(version);
        }
        if (hostCgroup != null) {
            options = options.withCgroup2Host(hostCgroup == HostCgroup.V2);
        }
        if (includeBase != null) {
            options = options.withIncludesFrom(includeBase);
        }
        return options;
    }

    private void printText(Result result, Style style) {
        for (Diagnostic d : result.diagnostics()) {
            context.out.print(style.bold(Style.visible(d.source()) + ':' + d.line() + ':' + d.column() + ':') + ' '
                    + style.severity(d.severity(), d.severity().label() + ':') + ' ' + Style.visible(d.message())
                    + " [" + d.code().id() + "]\n");
            d.hint().ifPresent(h -> context.out.print("  hint: " + Style.visible(h) + '\n'));
        }
    }

    private void printJson(Result result, boolean first) {
        StringBuilder out = new StringBuilder();
        out.append(first ? "\n" : ",\n");
        out.append("  {\"file\": ").append(Json.string(result.name()))
                .append(", \"errors\": ").append(result.count(Severity.ERROR))
                .append(", \"warnings\": ").append(result.count(Severity.WARNING))
                .append(", \"infos\": ").append(result.count(Severity.INFO))
                .append(", \"diagnostics\": [");
        String separator = "\n";
        for (Diagnostic d : result.diagnostics()) {
            out.append(separator).append("    {\"file\": ").append(Json.string(d.source()))
                    .append(", \"line\": ").append(d.line())
                    .append(", \"column\": ").append(d.column())
                    .append(", \"severity\": ").append(Json.string(d.severity().label()))
                    .append(", \"code\": ").append(Json.string(d.code().id()))
                    .append(", \"message\": ").append(Json.string(d.message()))
                    .append(", \"hint\": ").append(d.hint().map(Json::string).orElse("null"))
                    .append('}');
            separator = ",\n";
        }
        out.append(result.diagnostics().isEmpty() ? "]}" : "\n  ]}");
        context.out.print(out);
        context.out.flush();
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
