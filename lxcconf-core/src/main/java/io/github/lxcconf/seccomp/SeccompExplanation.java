package io.github.lxcconf.seccomp;

import java.util.List;

/**
 * A plain-English explanation of a seccomp policy: one sentence per line of the file, and a summary that
 * says per system call what happens to it, with the argument filters combined into sentences.
 *
 * <pre>{@code
 * SeccompExplanation e = SeccompPolicy.parse("2\ndenylist\nsethostname errno 1\n").explain();
 * e.lines().get(2); // "sethostname fails with EPERM (Operation not permitted)."
 * e.summary();      // ["Version 2 denylist: ...", "sethostname fails with EPERM (Operation not permitted)."]
 * }</pre>
 *
 * @param host    the host architecture the explanation is for
 * @param lines   one explanation per line of the policy, in file order
 * @param summary the policy as a whole, one sentence per element
 */
public record SeccompExplanation(SeccompArch host, List<String> lines, List<String> summary) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a component is null
     */
    public SeccompExplanation {
        java.util.Objects.requireNonNull(host, "host");
        lines = List.copyOf(lines);
        summary = List.copyOf(summary);
    }

    /**
     * Returns the explanation as text: every line with its number, then the summary.
     *
     * @return the text, ending with a line break
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.format("%3d | %s", i + 1, lines.get(i))).append('\n');
        }
        out.append("\nSummary (").append(host.word()).append(" host)\n");
        for (String s : summary) {
            out.append("  - ").append(s).append('\n');
        }
        return out.toString();
    }
}
