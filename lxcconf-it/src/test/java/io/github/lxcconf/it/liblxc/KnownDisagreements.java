package io.github.lxcconf.it.liblxc;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The known ways in which liblxc and lxcconf differ on a file, each with its name and why lxcconf cannot (or
 * does not yet) follow liblxc. A verdict that disagrees and matches none of these fails the tests of the corpus
 * and of the generated configs.
 */
final class KnownDisagreements {

    /**
     * One known difference.
     *
     * @param name    a short name
     * @param reason  why it is there
     * @param matches whether a verdict shows it
     */
    record Known(String name, String reason, Predicate<Conformance.Verdict> matches) {
    }

    private static final Pattern ENVIRONMENT = Pattern.compile("[ \t]*lxc\\.environment[ \t]*=[ \t]*([^=]*?)[ \t]*");

    /** Every known difference. */
    static final List<Known> ALL = List.of(
            new Known("depends on the loading process (VAL021)",
                    "'lxc.environment = NAME' (no '=') copies NAME from the environment of the process that loads"
                            + " the file, and an idmap=PATH in lxc.rootfs.options is opened while liblxc loads: liblxc"
                            + " refuses the file when that process has no NAME or cannot open PATH; lxcconf reads the"
                            + " file, not that process, and says so with VAL021. Likewise a '-' sign in"
                            + " lxc.init.uid, lxc.init.gid, lxc.hook.version or lxc.seccomp.allow_nesting: lxc_safe_uint"
                            + " fails without setting errno, and liblxc refuses the file only when errno still holds an"
                            + " error from what ran before the line (the loading process, or an earlier line that failed"
                            + " quietly); after an earlier line that parsed a number errno is 0 and the file loads",
                    v -> !v.libAccepts() && v.lxcconfAccepts() && (v.loaderDependent()
                            || unsetEnvironmentLine(v).isPresent())),
            new Known("network type set empty",
                    "after 'lxc.net.N.type =' (empty) liblxc keeps interface N with no type and reports its type as"
                            + " '(null)', while an interface never given a type reports 'empty'; lxcconf's typed view"
                            + " has no type in both cases",
                    v -> v.verdictAgrees() && !v.valueDifferences().isEmpty() && v.valueDifferences().stream()
                            .allMatch(d -> d.matches("lxc\\.net\\.[0-9]+\\.type: liblxc holds '\\(null\\)', lxcconf 'empty'"))));

    private KnownDisagreements() {
    }

    /** Returns the known difference a disagreeing verdict shows, if any. */
    static Optional<Known> of(Conformance.Verdict v) {
        return ALL.stream().filter(k -> k.matches().test(v)).findFirst();
    }

    private static Optional<String> unsetEnvironmentLine(Conformance.Verdict v) {
        return v.failedLine().filter(line -> {
            Matcher m = ENVIRONMENT.matcher(line);
            return m.matches() && System.getenv(m.group(1)) == null;
        });
    }
}
