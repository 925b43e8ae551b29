package io.github.lxcconf.explain;

import java.util.List;
import java.util.Objects;

/**
 * What one line of a config means, in plain English.
 *
 * <pre>{@code
 * LineExplanation line = config.explain().lines().get(0);
 * line.number();       // 1
 * line.text();         // "lxc.cgroup.devices.allow: c 10:232 rwm"
 * line.explanation();  // "A cgroup device-access rule: ..."
 * }</pre>
 *
 * @param number    the line number, from 1
 * @param text      the line as written, without its line ending
 * @param sentences the explanation, one sentence per element, never empty
 */
public record LineExplanation(int number, String text, List<String> sentences) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the number is below 1 or there is no sentence
     */
    public LineExplanation {
        Objects.requireNonNull(text, "text");
        sentences = List.copyOf(sentences);
        if (number < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + number);
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("line " + number + " has no explanation");
        }
    }

    /**
     * Returns the sentences joined by single blanks.
     *
     * @return the explanation as one paragraph
     */
    public String explanation() {
        return String.join(" ", sentences);
    }
}
