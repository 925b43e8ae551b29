package io.github.lxcconf.cli;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.Severity;
import io.github.lxcconf.validate.LxcVersion;
import io.github.lxcconf.validate.ValidationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
                "  lxcconf lint -q --ignore VAL010 --min-severity warning /etc/pve/lxc",
                "  lxcconf lint --format sarif /etc/pve/lxc > lxcconf.sarif   # GitHub code scanning, editors",
                "",
                "JSON output is an array with one object per file:",
                "  [{\"file\": \"102.conf\", \"errors\": 1, \"warnings\": 0, \"infos\": 0, \"diagnostics\": [",
                "     {\"file\": \"102.conf\", \"line\": 14, \"column\": 1, \"severity\": \"error\",",
                "      \"code\": \"PVE001\", \"message\": \"...\", \"hint\": \"...\" or null}]}]",
                "A file that cannot be read is an object with \"error\" (the message) and \"errors\": 1."})
final class LintCommand implements Callable<Integer> {
    enum Format { TEXT, JSON }

    /** What lint prints: text, JSON, or SARIF 2.1.0 for code scanning. */
    enum LintFormat { TEXT, JSON, SARIF }

    enum FailOn { ERROR, WARNING }

    /** The lowest severity printed. */
    enum MinSeverity { INFO, WARNING, ERROR }

    /** The host's cgroup layout. */
    enum HostCgroup { V2, V1, HYBRID }

    /** A dialect to read every file in, instead of detecting it. */
    enum DialectChoice { LXC, PROXMOX }

    private final Context context;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = Inputs.FILE_DESCRIPTION)
    List<String> files;

    // The defaults are the fields' initial values, which picocli keeps when an option is not given: a run
    // without options (Cli.quick) gets them without picocli.
    @Option(names = "--format", paramLabel = "FORMAT",
            completionCandidates = Completion.LintFormats.class,
            description = "text (the default), json, or sarif (SARIF 2.1.0, for GitHub code scanning and editors)")
    LintFormat format = LintFormat.TEXT;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            completionCandidates = Completion.FailOns.class,
            description = "the lowest severity that makes the exit status 1: error (the default) or warning")
    FailOn failOn = FailOn.ERROR;

    @Option(names = "--werror", description = "same as --fail-on=warning")
    boolean werror;

    @Option(names = "--min-severity", paramLabel = "SEVERITY",
            completionCandidates = Completion.Severities.class,
            description = "print only diagnostics of this severity or higher: info (the default), warning or error;"
                    + " the others do not count for the exit status either")
    MinSeverity minSeverity = MinSeverity.INFO;

    @Option(names = "--ignore", paramLabel = "CODE", split = ",",
            description = "leave out diagnostics with this code, such as VAL010 (repeatable, or comma-separated)")
    List<String> ignore = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "print the diagnostics only: no count on standard error")
    boolean quiet;

    @Option(names = "--dialect", paramLabel = "DIALECT", completionCandidates = Completion.Dialects.class,
            description = "read every file as lxc (a native LXC config) or proxmox (a Proxmox VE config) instead of"
                    + " detecting it")
    DialectChoice dialect;

    @Option(names = "--lxc-version", paramLabel = "VERSION", converter = VersionConverter.class,
            completionCandidates = Completion.LxcVersions.class,
            description = "the liblxc release line to check against: 5.0, 6.0 (the default) or 7.0")
    LxcVersion version;

    @Option(names = "--host-cgroup", paramLabel = "LAYOUT", completionCandidates = Completion.HostCgroups.class,
            description = "the host's cgroup layout: v2 (cgroup2 only: Proxmox VE 7 and later, current distributions), v1 or hybrid; by default v2 for Proxmox configs, not assumed for LXC")
    HostCgroup hostCgroup;

    @Option(names = "--include-base", paramLabel = "DIR",
            description = "follow lxc.include lines, relative paths starting at DIR; a missing include is an error")
    Path includeBase;

    @Option(names = "--color", paramLabel = "WHEN", completionCandidates = Completion.Colours.class,
            description = "colour severities: auto (on a terminal, unless NO_COLOR is set), always, never")
    ColourMode colour = ColourMode.AUTO;

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

    /** One file's result: its diagnostics, or why it could not be read. */
    private record Result(String name, List<Diagnostic> diagnostics, Optional<UserException> problem) {
        long count(Severity severity) {
            long n = diagnostics.stream().filter(d -> d.severity() == severity).count();
            return severity == Severity.ERROR && problem.isPresent() ? n + 1 : n;
        }
    }

    @Override
    public Integer call() {
        ValidationOptions options = options();
        context.dialect = dialect == null ? null : dialect == DialectChoice.LXC ? Dialect.LXC : Dialect.PROXMOX;
        context.acceptsBinary = true;
        Set<String> ignored = new HashSet<>();
        for (String code : ignore) {
            String id = code.strip().toUpperCase(Locale.ROOT);
            if (Arrays.stream(DiagnosticCode.values()).noneMatch(c -> c.id().equals(id))) {
                throw new ParameterException(spec.commandLine(), "--ignore: unknown code '" + code
                        + "' (codes look like LXC001, PVE001, VAL010; the README lists them)");
            }
            ignored.add(id);
        }
        List<Result> results = new ArrayList<>();
        Style style = new Style(context.colour(colour));
        if (format == LintFormat.JSON) {
            context.out.print('[');
        }
        boolean binaryOnly = true;
        for (Inputs.Input input : Inputs.inputs(files)) {
            Result result;
            try {
                if (input.problem().isPresent()) {
                    throw input.problem().get();
                }
                Source source = Source.read(context, input.name());
                List<Diagnostic> all = source.binaryAt().isPresent()
                        ? List.of(Source.binaryDiagnostic(source.name(), source.binaryAt().getAsLong()))
                        : source.config().validate(options).diagnostics();
                result = new Result(source.name(), all.stream()
                        .filter(d -> d.severity().ordinal() <= severityOrdinal())
                        .filter(d -> !ignored.contains(d.code().id())).toList(), Optional.empty());
                binaryOnly = false;
            } catch (UserException e) {
                if (format == LintFormat.TEXT) {
                    Inputs.report(context, e);
                }
                result = new Result(input.name(), List.of(), Optional.of(e));
            }
            if (format == LintFormat.JSON) {
                printJson(result, results.isEmpty());
            } else if (format == LintFormat.TEXT) {
                printText(result, style);
            }
            results.add(result);
        }
        if (format == LintFormat.JSON) {
            context.out.print(results.isEmpty() ? "]\n" : "\n]\n");
        } else if (format == LintFormat.SARIF) {
            context.out.print(sarif(results));
        }
        context.out.flush();
        long errors = results.stream().filter(r -> r.problem().isEmpty()).mapToLong(r -> r.count(Severity.ERROR)).sum();
        long warnings = results.stream().mapToLong(r -> r.count(Severity.WARNING)).sum();
        long infos = results.stream().mapToLong(r -> r.count(Severity.INFO)).sum();
        long read = results.stream().filter(r -> r.problem().isEmpty()).count();
        if (format == LintFormat.TEXT && !quiet && errors + warnings + infos > 0) {
            context.err.println(plural(errors, "error") + ", " + plural(warnings, "warning")
                    + (infos > 0 ? ", " + infos + " info" : "") + " in " + plural(read, "file"));
        }
        context.err.flush();
        if (results.stream().anyMatch(r -> r.problem().isPresent())) {
            return Cli.TROUBLE;
        }
        boolean failOnWarning = werror || failOn == FailOn.WARNING;
        return errors > 0 || failOnWarning && warnings > 0 ? Cli.FOUND : Cli.OK;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The ordinal of the lowest severity printed, in {@link Severity}'s order (error first). */
    private int severityOrdinal() {
        return switch (minSeverity) {
            case ERROR -> Severity.ERROR.ordinal();
            case WARNING -> Severity.WARNING.ordinal();
            case INFO -> Severity.INFO.ordinal();
        };
    }

    private ValidationOptions options() {
        return options(version, hostCgroup, includeBase);
    }

    /** The validation options of --lxc-version, --host-cgroup and --include-base (each may be null: unstated). */
    static ValidationOptions options(LxcVersion version, HostCgroup hostCgroup, Path includeBase) {
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
        out.append("  {\"file\": ").append(Json.string(result.name()));
        result.problem().ifPresent(p -> out.append(", \"error\": ").append(Json.string(p.getMessage()))
                .append(", \"hint\": ").append(p.hint().map(Json::string).orElse("null")));
        out.append(", \"errors\": ").append(result.count(Severity.ERROR))
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

    /** The results as one SARIF 2.1.0 log: one run, a rule per code that occurs, a result per diagnostic. */
    static String sarif(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n")
                .append("  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"lxcconf\", \"version\": ")
                .append(Json.string(VersionProvider.version()))
                .append(", \"informationUri\": \"https://github.com/lxcconf/lxcconf\", \"rules\": [");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<DiagnosticCode> rules = new ArrayList<>();
        for (Result r : results) {
            for (Diagnostic d : r.diagnostics()) {
                if (!ruleIndex.containsKey(d.code().id())) {
                    ruleIndex.put(d.code().id(), rules.size());
                    rules.add(d.code());
                }
            }
        }
        String separator = "\n";
        for (DiagnosticCode code : rules) {
            out.append(separator).append("      {\"id\": ").append(Json.string(code.id()))
                    .append(", \"name\": ").append(Json.string(code.name()))
                    .append(", \"shortDescription\": {\"text\": ").append(Json.string(code.title())).append('}')
                    .append(", \"defaultConfiguration\": {\"level\": ").append(Json.string(level(code.defaultSeverity())))
                    .append("}}");
            separator = ",\n";
        }
        out.append(rules.isEmpty() ? "]}},\n" : "\n    ]}},\n");
        out.append("    \"invocations\": [{\"executionSuccessful\": ")
                .append(results.stream().allMatch(r -> r.problem().isEmpty()))
                .append(", \"toolExecutionNotifications\": [");
        separator = "\n";
        for (Result r : results) {
            if (r.problem().isPresent()) {
                out.append(separator).append("      {\"level\": \"error\", \"message\": {\"text\": ")
                        .append(Json.string(r.problem().get().getMessage())).append("}, \"locations\": [")
                        .append("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
                        .append(Json.string(uri(r.name()))).append("}}}]}");
                separator = ",\n";
            }
        }
        out.append(separator.equals("\n") ? "]}],\n" : "\n    ]}],\n");
        out.append("    \"results\": [");
        separator = "\n";
        for (Result r : results) {
            for (Diagnostic d : r.diagnostics()) {
                out.append(separator).append("      {\"ruleId\": ").append(Json.string(d.code().id()))
                        .append(", \"ruleIndex\": ").append(ruleIndex.get(d.code().id()))
                        .append(", \"level\": ").append(Json.string(level(d.severity())))
                        .append(", \"message\": {\"text\": ").append(Json.string(d.message()
                                + d.hint().map(h -> " (hint: " + h + ")").orElse(""))).append('}')
                        .append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
                        .append(Json.string(uri(d.source()))).append("}, \"region\": {\"startLine\": ")
                        .append(Math.max(1, d.line())).append(", \"startColumn\": ").append(Math.max(1, d.column()))
                        .append("}}}]}");
                separator = ",\n";
            }
        }
        out.append(separator.equals("\n") ? "]\n" : "\n    ]\n");
        out.append("  }]\n}\n");
        return out.toString();
    }

    /** SARIF's level for a severity. */
    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    /** A file name as a URI reference: an absolute path as a file: URI, a relative one percent-encoded. */
    static String uri(String name) {
        try {
            if (name.startsWith("/")) {
                return Path.of(name).toUri().toASCIIString();
            }
            return new java.net.URI(null, null, name, null).toASCIIString();
        } catch (java.net.URISyntaxException | java.nio.file.InvalidPathException e) {
            return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
