package io.github.lxcconf.explain;

import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.validate.ValidationOptions;

import io.github.lxcconf.LxcConfig;

import io.github.lxcconf.device.DevicePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A plain-English explanation of a config: one {@link LineExplanation} for
 * every line (comments, blank lines, section headers, settings and lines
 * nothing can read) and a {@link Summary} of the container as a whole.
 *
 * <pre>{@code
 * Explanation e = LxcConfig.parseText("lxc.cgroup.devices.allow: c 10:232 rwm\n").explain();
 * e.lines().get(0).explanation(); // "A cgroup device-access rule: ... /dev/kvm ..."
 * e.writeTo(System.out);                  // the same text as e.toText(), written line by line
 * }</pre>
 *
 * <p>The explanation of each line is worked out when it is asked for ({@link #lines()}, {@link #writeTo}), from the
 * config and what was found in it (its diagnostics): an explanation keeps those, not every sentence of every line nor
 * the typed views, and writing it out holds one line's explanation at a time. The {@link #summary()} is worked out
 * each time it is asked for, and {@link #writeTo} writes its long lists (devices, host paths) item by item. Asking
 * twice gives equal answers.
 */
public final class Explanation {

    private final Explainer explainer;
    private final List<LineExplanation> lines;

    private Explanation(Explainer explainer) {
        this.explainer = explainer;
        this.lines = new Lines(explainer);
    }

    /** The explanations of the lines, each worked out when it is read. */
    private static final class Lines extends AbstractList<LineExplanation> implements RandomAccess {
        private final Explainer explainer;

        Lines(Explainer explainer) {
            this.explainer = explainer;
        }

        @Override
        public LineExplanation get(int index) {
            Objects.checkIndex(index, explainer.size());
            return explainer.line(index);
        }

        @Override
        public int size() {
            return explainer.size();
        }
    }

    /**
     * Explains a config; {@link LxcConfig#explain()} calls this.
     *
     * <pre>{@code
     * Explanation e = Explanation.of(LxcConfig.parseText("memory: 512\n"));
     * }</pre>
     *
     * @param config the config
     * @return the explanation
     */
    public static Explanation of(LxcConfig config) {
        Objects.requireNonNull(config, "config");
        Explainer explainer = new Explainer(config);
        return new Explanation(explainer);
    }

    /**
     * Explains a config with its includes resolved, so that explanations can name the included file and
     * line a setting comes from ("common.conf line 21 denies every device; this line allows /dev/kvm back").
     *
     * <pre>{@code
     * Explanation e = Explanation.of(config, config.effective(Path.of("/usr/share/lxc/config")));
     * }</pre>
     *
     * @param config    the config
     * @param effective the config with its includes resolved
     * @return the explanation
     */
    public static Explanation of(LxcConfig config, EffectiveConfig effective) {
        Objects.requireNonNull(config, "config");
        Explainer explainer = new Explainer(config, Optional.of(Objects.requireNonNull(effective, "effective")));
        return new Explanation(explainer);
    }

    /**
     * Explains a config as it reads on a given host: the line diagnostics are {@code validate(options)}'s (the
     * liblxc release line, the host's cgroup layout), includes are followed when the options name a base
     * directory, and the summary says what the devices come to on that host's layout (a pure cgroup2 host, or one
     * with a cgroup v1 devices controller); with the layout unstated, it says it for a pure cgroup2 host and,
     * for a native config, also for a v1 host where that differs.
     *
     * <pre>{@code
     * Explanation.of(config, ValidationOptions.defaults().withCgroup2Host(false)).summary().devices();
     * }</pre>
     *
     * @param config  the config
     * @param options the release line, the host's cgroup layout and where includes start
     * @return the explanation
     */
    public static Explanation of(LxcConfig config, ValidationOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        Explainer explainer = new Explainer(config, options.includeBase().map(config::effective), options);
        return new Explanation(explainer);
    }

    /**
     * Returns the explanation of every line, in file order.
     *
     * @return one element per line of the config
     */
    public List<LineExplanation> lines() {
        return lines;
    }

    /**
     * Returns the explanation of one line.
     *
     * @param number the line number, from 1
     * @return the explanation, or empty past the end of the file
     */
    public Optional<LineExplanation> line(int number) {
        return number >= 1 && number <= lines.size() ? Optional.of(lines.get(number - 1)) : Optional.empty();
    }

    /**
     * Returns the summary of the container as a whole.
     *
     * @return the summary
     */
    public Summary summary() {
        return explainer.summary();
    }

    /**
     * Works out the summary and hands its devices and host paths to {@code items} one at a time, as they are worked
     * out, instead of holding them: for a large config those lists are most of the summary. The summary returned
     * holds everything else; its {@link Summary#devices()} and {@link Summary#hostPaths()} are empty.
     *
     * <pre>{@code
     * List<String> devices = new ArrayList<>();
     * Summary rest = config.explain().summary(new Summary.Items() {
     *     public void device(String item) { devices.add(item); }
     *     public void hostPath(String item) { }
     * });
     * }</pre>
     *
     * @param items what receives the devices and host paths
     * @return the summary without its devices and host paths
     */
    public Summary summary(Summary.Items items) {
        return explainer.summary(Objects.requireNonNull(items, "items"));
    }

    /**
     * Returns the device decision this explanation's device sentences and summary verdicts come from: the config's
     * device lines with LXC's defaults, as {@link DevicePolicy#of(LxcConfig)} reads them. Ask it for a verdict the
     * summary does not state (another host layout, a device no line names) and the answer agrees with the
     * explanation's; the explanation makes it once and shares it, instead of each caller reading every device line
     * again.
     *
     * <pre>{@code
     * Explanation e = config.explain();
     * e.devicePolicy().decide(HostLayout.HYBRID, KnownDevice.byPath("/dev/kvm").orElseThrow(),
     *         DeviceAccess.parse("rw").orElseThrow()).granted();
     * }</pre>
     *
     * @return the device policy of the explained config
     */
    public DevicePolicy devicePolicy() {
        return explainer.devicePolicy();
    }

    /**
     * Writes the summary as text, as {@code summary().text()} returns it, its long lists (devices, host paths)
     * item by item as they are worked out: the summary of a large file is never held in memory.
     *
     * <pre>{@code
     * config.explain().writeSummaryTo(System.out); // Privileged container: root inside it is root on the host ...
     * }</pre>
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void writeSummaryTo(Appendable out) throws IOException {
        explainer.writeSummary(Objects.requireNonNull(out, "out"));
    }

    /**
     * Returns the explanation as text: every line with its number and explanation, then the summary. The same
     * text as {@link #writeTo(Appendable)} writes.
     *
     * @return the text, ending with a line break
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /**
     * Writes the explanation as text, as {@link #toText()} returns it, one line at a time: every line with its
     * number and explanation, then the summary. Only one line's explanation is held at a time, so the text of a
     * large file is never built in memory. Give it a buffered writer.
     *
     * <pre>{@code
     * try (Writer out = Files.newBufferedWriter(Path.of("explained.txt"))) {
     *     config.explain().writeTo(out);
     * }
     * }</pre>
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void writeTo(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out");
        for (LineExplanation line : lines) {
            String number = Integer.toString(line.number());
            for (int pad = number.length(); pad < 3; pad++) {
                out.append(' ');
            }
            out.append(number).append(" | ").append(line.text()).append('\n');
            for (String sentence : line.sentences()) {
                out.append("    ").append(sentence).append('\n');
            }
        }
        out.append("\nSummary\n-------\n");
        explainer.writeSummary(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Explanation e && lines.equals(e.lines) && summary().equals(e.summary());
    }

    @Override
    public int hashCode() {
        return lines.hashCode() * 31 + summary().hashCode();
    }

    @Override
    public String toString() {
        return "Explanation[" + lines.size() + " lines]";
    }
}
