package io.github.lxcconf.cli;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.DecidingLine;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.device.DeviceVerdict;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.MountEntry;
import io.github.lxcconf.model.proxmox.MountPoint;
import io.github.lxcconf.model.proxmox.DevicePassthrough;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.lxcconf.explain.CapabilitySetting;
import io.github.lxcconf.explain.Explanation;
import io.github.lxcconf.explain.LineExplanation;
import io.github.lxcconf.explain.Summary;
import picocli.CommandLine.Command;
import io.github.lxcconf.validate.LxcVersion;
import io.github.lxcconf.validate.ValidationOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lxcconf explain FILE...}. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Explain every line of a config in plain English, then sum it up.",
        description = "Explains every line of a config in plain English (comments, blank lines and lines LXC or Proxmox would not read too), then sums up what the container may do: devices, host paths, capabilities, privileges. With several configs, each starts with a line '==> FILE <==' (as head prints it); --format json then prints an array of the objects.",
        exitCodeListHeading = Cli.EXIT_HEADING,
        exitCodeList = {"0:explained", "2:usage error, or a file cannot be read"},
        footerHeading = Cli.EXAMPLES,
        footer = {"  lxcconf explain /etc/pve/lxc/102.conf",
                "  lxcconf explain --include-base /usr/share/lxc/config /var/lib/lxc/web1/config",
                "  pct config 102 | lxcconf explain -",
                "  lxcconf explain --format json 102.conf | jq '.summary.devices'"})
final class ExplainCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = Inputs.FILE_DESCRIPTION)
    List<String> files;

    @Option(names = "--include-base", paramLabel = "DIR",
            description = "follow lxc.include lines, relative paths starting at DIR, and say where inherited settings come from (liblxc starts at its working directory)")
    Path includeBase;

    @Option(names = "--lxc-version", paramLabel = "VERSION", converter = LintCommand.VersionConverter.class,
            completionCandidates = Completion.LxcVersions.class,
            description = "the liblxc release line to explain for: 5.0, 6.0 (the default) or 7.0")
    LxcVersion version;

    @Option(names = "--host-cgroup", paramLabel = "LAYOUT", completionCandidates = Completion.HostCgroups.class,
            description = "the host's cgroup layout: v2 (cgroup2 only: Proxmox VE 7 and later, current distributions),"
                    + " v1 or hybrid; the summary says what the devices come to there (by default on a v2 host, and"
                    + " for a native config also on a v1 host where that differs)")
    LintCommand.HostCgroup hostCgroup;

    @Option(names = "--dialect", paramLabel = "DIALECT", completionCandidates = Completion.Dialects.class,
            description = "read every file as lxc (a native LXC config) or proxmox (a Proxmox VE config) instead of"
                    + " detecting it")
    LintCommand.DialectChoice dialect;

    // The defaults are the fields' initial values, which picocli keeps when an option is not given: a run
    // without options (Cli.quick) gets them without picocli.
    @Option(names = "--format", paramLabel = "FORMAT",
            completionCandidates = Completion.Formats.class,
            description = "text (the default) or json: {\"file\", \"lines\": [{\"line\", \"text\", \"explanation\": [sentences]}], \"summary\": {\"unprivileged\", \"devices\", \"deviceVerdicts\": [{\"line\", \"rule\", \"device\", \"access\", \"host\", \"granted\", \"reason\", \"lines\"}], \"hostPaths\", \"mounts\": [{\"line\", \"key\", \"source\", \"target\", \"readOnly\"}], \"capabilities\", \"capabilitySettings\": [{\"name\", \"number\", \"kept\", \"file\", \"line\"}], \"features\", \"relaxations\", \"warnings\", \"text\"}}")
    LintCommand.Format format = LintCommand.Format.TEXT;

    @Option(names = "--color", paramLabel = "WHEN",
            completionCandidates = Completion.Colours.class,
            description = "colour the line headers: auto (on a terminal, unless NO_COLOR is set), always, never")
    ColourMode colour = ColourMode.AUTO;

    ExplainCommand(Context context) {
        this.context = context;
    }

    /** The release line, host layout and include base, as lint reads them. */
    private ValidationOptions options() {
        return LintCommand.options(version, hostCgroup, includeBase);
    }

    @Override
    public Integer call() {
        context.dialect = dialect == null ? null
                : dialect == LintCommand.DialectChoice.LXC ? io.github.lxcconf.Dialect.LXC : io.github.lxcconf.Dialect.PROXMOX;
        List<Inputs.Input> inputs = Inputs.inputs(files);
        boolean several = inputs.size() > 1;
        boolean json = format == LintCommand.Format.JSON;
        Style style = new Style(context.colour(colour));
        int[] done = {0};
        if (json && several) {
            context.out.print('[');
        }
        boolean readable = Inputs.each(context, files, source -> {
            Explanation explanation = source.config().explain(options());
            if (json) {
                if (several) {
                    context.out.print(done[0] == 0 ? "\n" : ",\n");
                }
                json(context.out, source.name(), explanation, source.config(), options());
            } else {
                if (several) {
                    context.out.print((done[0] == 0 ? "" : "\n") + style.bold("==> " + Style.visible(source.name())
                            + " <==") + "\n");
                }
                text(context.out, explanation, style);
            }
            context.out.flush();
            done[0]++;
        });
        if (json && several) {
            context.out.print("]\n");
        }
        context.out.flush();
        return readable ? Cli.OK : Cli.TROUBLE;
    }

    /**
     * Writes the explanation as {@link Explanation#writeTo(Appendable)} writes it, with the line headers styled, one
     * line at a time: the text of a large config is not built in memory.
     */
    static void text(PrintWriter out, Explanation explanation, Style style) {
        for (LineExplanation line : explanation.lines()) {
            out.append(style.dim(lineNumber(line.number()) + " |")).append(' ')
                    .append(style.bold(Style.visible(line.text()))).append('\n');
            for (String sentence : line.sentences()) {
                out.append("    ").append(Style.visible(sentence)).append('\n');
            }
        }
        out.append("\nSummary\n-------\n");
        try {
            explanation.writeSummaryTo(new VisibleLines(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a PrintWriter does not throw
        }
    }

    /**
     * Writes text as {@code text.lines().forEach(l -> out.append(Style.visible(l)).append('\n'))} would, a piece
     * at a time: CR, LF and CRLF end a line, and other control characters are shown as {@code \\xNN}.
     */
    static final class VisibleLines implements Appendable {
        private final PrintWriter out;
        /** The last character was a CR, so an LF right after it ends no other line. */
        private boolean afterCr;

        VisibleLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public Appendable append(CharSequence text) {
            String s = String.valueOf(text);
            return append(s, 0, s.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            CharSequence s = text == null ? "null" : text;
            int from = start;
            for (int i = start; i < end; i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    out.append(Style.visible(s.subSequence(from, i).toString()));
                    if (!(c == '\n' && afterCr && i == from)) {
                        out.append('\n');
                    }
                    afterCr = c == '\r';
                    from = i + 1;
                } else if (afterCr && i == from) {
                    afterCr = false;
                }
            }
            if (from < end) {
                out.append(Style.visible(s.subSequence(from, end).toString()));
                afterCr = false;
            }
            return this;
        }

        @Override
        public Appendable append(char c) {
            return append(String.valueOf(c), 0, 1);
        }
    }

    /**
     * A line number right-aligned in three columns, as {@code String.format("%3d", number)} writes it, without
     * the cost of setting up java.util.Formatter and its locale data in a short run.
     */
    static String lineNumber(int number) {
        String digits = Integer.toString(number);
        return digits.length() >= 3 ? digits : "   ".substring(digits.length()) + digits;
    }

    /** Writes the explanation as one JSON object, one line of the config at a time. */
    static void json(PrintWriter out, String file, Explanation explanation, LxcConfig config,
                     ValidationOptions options) {
        out.append("{\"file\": ");
        Json.string(out, file);
        out.append(", \"lines\": [");
        String separator = "\n";
        for (LineExplanation line : explanation.lines()) {
            out.append(separator).append("  {\"line\": ").append(String.valueOf(line.number()))
                    .append(", \"text\": ");
            Json.string(out, line.text());
            out.append(", \"explanation\": ");
            Json.array(out, line.sentences());
            out.append('}');
            separator = ",\n";
        }
        out.append("],\n\"summary\": ");
        summary(out, file, explanation, config, options);
        // the text is worked out again and written as it goes, once the summary above is no longer held
        out.append(", \"text\": \"");
        Json.Chars text = new Json.Chars(out);
        try {
            explanation.writeSummaryTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a PrintWriter does not throw
        }
        text.finish();
        out.append("\"}}\n");
    }

    /**
     * Writes the summary's fields but its text, as the opening of a JSON object: the devices and host paths as the
     * explanation works them out, the device verdicts between them.
     */
    private static void summary(PrintWriter out, String file, Explanation explanation, LxcConfig config,
                                ValidationOptions options) {
        SummaryLists lists = new SummaryLists(out, () -> deviceVerdicts(out, config, options,
                explanation.devicePolicy()));
        Summary s = explanation.summary(lists);
        lists.finish();
        out.append(", \"mounts\": ");
        mounts(out, config);
        out.append(", \"capabilities\": ");
        Json.array(out, s.capabilities());
        out.append(", \"capabilitySettings\": ").append(capabilitySettings(file, s)).append(", \"features\": ");
        Json.array(out, s.features());
        out.append(", \"relaxations\": ");
        Json.array(out, s.relaxations());
        out.append(", \"warnings\": ");
        Json.array(out, s.warnings());
    }

    /**
     * Writes the summary's devices and host paths as JSON arrays as the explanation hands them out, with the device
     * verdicts written between the two: {@code {"unprivileged", "devices", "deviceVerdicts", "hostPaths"}}, the
     * object left open.
     */
    private static final class SummaryLists implements Summary.Items {
        private final PrintWriter out;
        private final Runnable deviceVerdicts;
        private Items list;
        private boolean hostPaths;

        SummaryLists(PrintWriter out, Runnable deviceVerdicts) {
            this.out = out;
            this.deviceVerdicts = deviceVerdicts;
        }

        @Override
        public void unprivileged(boolean unprivileged) {
            out.append("{\"unprivileged\": ").append(String.valueOf(unprivileged)).append(", \"devices\": ");
            list = new Items(out);
        }

        @Override
        public void device(String item) {
            Json.string(list.next(), item);
        }

        @Override
        public void hostPath(String item) {
            toHostPaths();
            Json.string(list.next(), item);
        }

        /** Closes the devices, writes the verdicts and opens the host paths, once. */
        private void toHostPaths() {
            if (!hostPaths) {
                list.close();
                out.append(", \"deviceVerdicts\": ");
                deviceVerdicts.run();
                out.append(", \"hostPaths\": ");
                list = new Items(out);
                hostPaths = true;
            }
        }

        /** Closes the host paths, after the verdicts and an empty list where no host path came. */
        void finish() {
            toHostPaths();
            list.close();
        }
    }

    /** Writes the items of a JSON array as they come. */
    private static final class Items {
        private final PrintWriter out;
        private boolean first = true;

        Items(PrintWriter out) {
            this.out = out;
            out.append('[');
        }

        /** Writes the separator before the next item, and returns where to write the item. */
        PrintWriter next() {
            out.append(first ? "" : ", ");
            first = false;
            return out;
        }

        void close() {
            out.append(']');
        }
    }

    /**
     * Writes, as a JSON array, what lxcconf's device decision says of each device an allow rule or a devN option
     * of the config names, on the stated host layout (by default a pure cgroup2 host, and for a native config
     * also a hybrid one), asking the explanation's own device policy:
     * {@code {"line", "rule", "device", "access", "host", "granted", "reason", "lines"}}.
     */
    static void deviceVerdicts(PrintWriter out, LxcConfig config, ValidationOptions options, DevicePolicy policy) {
        List<HostLayout> layouts = options.cgroup2Host().map(v2 -> List.of(v2 ? HostLayout.CGROUP2 : HostLayout.HYBRID))
                .orElse(config.dialect() == Dialect.PROXMOX ? List.of(HostLayout.CGROUP2)
                        : List.of(HostLayout.CGROUP2, HostLayout.HYBRID));
        Items items = new Items(out);
        for (DeviceRule rule : config.lxc().deviceRules()) {
            if (!rule.allow() || rule.origin().isEmpty()) {
                continue;
            }
            for (HostLayout layout : layouts) {
                policy.decide(layout, rule).ifPresent(verdict -> verdict(items.next(), rule.origin().get().lineNumber(),
                        rule.key() + " = " + rule.toValue(), verdict));
            }
        }
        if (config.dialect() == Dialect.PROXMOX) {
            for (DevicePassthrough d : config.proxmox().devices()) {
                Optional<KnownDevice> known = d.path().flatMap(KnownDevice::byPath);
                OptionalInt line = lastLine(config, d.key());
                if (known.isPresent() && line.isPresent()) {
                    DeviceAccess access = new DeviceAccess(true, !d.denyWrite(), false);
                    for (HostLayout layout : layouts) {
                        verdict(items.next(), line.getAsInt(), d.key() + ": " + d.path().orElse(""),
                                policy.decide(layout, known.get(), access));
                    }
                }
            }
        }
        items.close();
    }

    /**
     * Writes, as a JSON array, the host paths the container sees: each bind mount ({@code lxc.mount.entry} with
     * {@code bind}) and each Proxmox mount point of a host directory or device,
     * {@code {"line", "key", "source", "target", "readOnly"}}.
     */
    static void mounts(PrintWriter out, LxcConfig config) {
        Items items = new Items(out);
        for (MountEntry m : config.lxc().mountEntries()) {
            if (m.isBind() && m.origin().isPresent()) {
                mount(items.next(), m.origin().get().lineNumber(), "lxc.mount.entry", m.source(), m.target(),
                        m.options().contains("ro"));
            }
        }
        if (config.dialect() == Dialect.PROXMOX) {
            for (MountPoint mp : config.proxmox().mountPoints()) {
                if (mp.volumeType().filter(t -> t != MountPoint.VolumeType.VOLUME).isEmpty()) {
                    continue;
                }
                OptionalInt line = lastLine(config, mp.key());
                if (line.isPresent()) {
                    mount(items.next(), line.getAsInt(), mp.key(), mp.volume().orElse(""), mp.path().orElse(""),
                            mp.readOnly());
                }
            }
        }
        items.close();
    }

    /**
     * Returns, as a JSON array, the capabilities the lxc.cap.drop / lxc.cap.keep list ends up naming (the summary's
     * {@link Summary#capabilitySettings()}), {@code {"name", "number", "kept", "file", "line"}}: kept is true for a
     * keep list, false for a drop list; file and line name the line that named it, in this config or in a file it
     * includes.
     */
    static String capabilitySettings(String file, Summary summary) {
        List<String> items = new ArrayList<>();
        for (CapabilitySetting c : summary.capabilitySettings()) {
            items.add("{\"name\": " + Json.string(c.capability().lxcName()) + ", \"number\": " + c.capability().number()
                    + ", \"kept\": " + c.kept() + ", \"file\": " + Json.string(c.includedFile().orElse(file))
                    + ", \"line\": " + c.line() + "}");
        }
        return "[" + String.join(", ", items) + "]";
    }

    /** The number of the main section's last line with this key: the one Proxmox reads. */
    private static OptionalInt lastLine(LxcConfig config, String key) {
        return config.mainSection().entries().stream().filter(e -> e.key().equals(key)).reduce((a, b) -> b)
                .map(config::numberOf).orElse(OptionalInt.empty());
    }

    private static void mount(PrintWriter out, int line, String key, String source, String target, boolean readOnly) {
        out.append("{\"line\": ").append(String.valueOf(line)).append(", \"key\": ");
        Json.string(out, key);
        out.append(", \"source\": ");
        Json.string(out, source);
        out.append(", \"target\": ");
        Json.string(out, target);
        out.append(", \"readOnly\": ").append(String.valueOf(readOnly)).append('}');
    }

    /** Writes a verdict as {@code {"line", "rule", "device", "access", "host", "granted", "reason", "lines"}}. */
    private static void verdict(PrintWriter out, int line, String rule, DeviceVerdict v) {
        out.append("{\"line\": ").append(String.valueOf(line)).append(", \"rule\": ");
        Json.string(out, rule);
        out.append(", \"device\": ");
        Json.string(out, v.device());
        out.append(", \"access\": ");
        Json.string(out, v.access().toValue());
        out.append(", \"host\": ");
        Json.string(out, v.layout().name().toLowerCase(java.util.Locale.ROOT));
        out.append(", \"granted\": ").append(String.valueOf(v.granted())).append(", \"reason\": ");
        Json.string(out, v.reason());
        out.append(", \"lines\": [");
        String separator = "";
        for (DecidingLine deciding : v.lines()) {
            out.append(separator);
            Json.string(out, deciding.toString());
            separator = ", ";
        }
        out.append("]}");
    }
}
