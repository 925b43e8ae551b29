package io.github.lxcconf.explain;

import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.validate.ValidationOptions;

import io.github.lxcconf.LxcConfig;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain-English explanation of a config: one {@link LineExplanation} for
 * every line (comments, blank lines, section headers, settings and lines
 * nothing can read) and a {@link Summary} of the container as a whole.
 *
 * <pre>{@code
 * Explanation e = LxcConfig.parseText("lxc.cgroup.devices.allow: c 10:232 rwm\n").explain();
 * e.lines().get(0).explanation(); // "A cgroup device-access rule: ... /dev/kvm ..."
 * System.out.print(e.toText());
 * }</pre>
 */
public final class Explanation {

    private final List<LineExplanation> lines;
    private final Summary summary;

    private Explanation(List<LineExplanation> lines, Summary summary) {
        this.lines = List.copyOf(lines);
        this.summary = Objects.requireNonNull(summary, "summary");
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
        return new Explanation(explainer.lines(), explainer.summary());
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
        return new Explanation(explainer.lines(), explainer.summary());
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
        return new Explanation(explainer.lines(), explainer.summary());
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
        return summary;
    }

    /**
     * Returns the explanation as text: every line with its number and explanation, then the summary.
     *
     * @return the text, ending with a line break
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        for (LineExplanation line : lines) {
            out.append(String.format("%3d | %s%n", line.number(), line.text()).replace(System.lineSeparator(), "\n"));
            for (String sentence : line.sentences()) {
                out.append("    ").append(sentence).append('\n');
            }
        }
        out.append("\nSummary\n-------\n").append(summary.text());
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Explanation e && lines.equals(e.lines) && summary.equals(e.summary);
    }

    @Override
    public int hashCode() {
        return lines.hashCode() * 31 + summary.hashCode();
    }

    @Override
    public String toString() {
        return "Explanation[" + lines.size() + " lines]";
    }
}
