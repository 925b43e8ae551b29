package io.github.lxcconf.it.container;

import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.DeviceProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What liblxc 5.0.2 and the kernel do with device rules, written down from measurements on real containers
 * (a second referee beside lxcconf's own decision, so that a disagreement says which side moved).
 *
 * <p>HYBRID and CGROUP1: only {@code lxc.cgroup.devices.*} act, written in order to the v1 controller: a value starting
 * with {@code a} clears the exceptions and sets the default; otherwise a rule against the default adds
 * access bits to the exception with the same type and numbers, a rule with the default removes bits from
 * that exact exception. Default deny grants when one exception covers every requested bit; default allow
 * refuses when any exception shares a requested bit.
 *
 * <p>CGROUP2: only {@code lxc.cgroup2.devices.*} act, through liblxc's bpf program: {@code a} sets the
 * default and empties the rule list; a rule flips an identical rule (same access letters as written) that
 * counts in the current default, else it is appended. No rule left: no program, everything granted. Else
 * the rules against the default decide, each covering every requested bit, and the default decides the
 * rest. The default starts as deny.
 */
final class MeasuredDeviceModel {

    /**
     * One device rule line: its key family, allow or deny, and its value as written. An empty value clears the
     * earlier lines of its key; {@code family} marks the bare family key ({@code lxc.cgroup2 =}), which clears
     * every earlier line of the family.
     */
    record Rule(boolean cgroup2, boolean allow, String value, boolean family) {
        Rule(boolean cgroup2, boolean allow, String value) {
            this(cgroup2, allow, value, false);
        }

        /** Returns the line that clears the whole family: {@code lxc.cgroup2 =}. */
        static Rule clearFamily(boolean cgroup2) {
            return new Rule(cgroup2, false, "", true);
        }

        String line() {
            String prefix = cgroup2 ? "lxc.cgroup2" : "lxc.cgroup";
            return family ? prefix + " =" : (prefix + ".devices." + (allow ? "allow" : "deny") + " = " + value).trim();
        }
    }

    /** Returns the rules liblxc keeps after empty values have cleared earlier lines. */
    static List<Rule> afterClears(List<Rule> rules) {
        List<Rule> kept = new ArrayList<>();
        for (Rule r : rules) {
            if (r.family) {
                kept.removeIf(k -> k.cgroup2 == r.cgroup2);
            } else if (r.value.isBlank()) {
                kept.removeIf(k -> k.cgroup2 == r.cgroup2 && k.allow == r.allow);
            } else {
                kept.add(r);
            }
        }
        return kept;
    }

    private static final List<Rule> COMMON = readCommon();

    private MeasuredDeviceModel() {
    }

    /** Returns the device rules of common.conf, in order. */
    static List<Rule> common() {
        return COMMON;
    }

    private static List<Rule> readCommon() {
        try {
            List<Rule> rules = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/usr/share/lxc/config/common.conf"))) {
                rule(line).ifPresent(rules::add);
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.Optional<Rule> rule(String line) {
        int eq = line.indexOf('=');
        if (eq < 0 || line.trim().startsWith("#")) {
            return java.util.Optional.empty();
        }
        String key = line.substring(0, eq).trim();
        String value = line.substring(eq + 1).trim();
        return switch (key) {
            case "lxc.cgroup.devices.allow" -> java.util.Optional.of(new Rule(false, true, value));
            case "lxc.cgroup.devices.deny" -> java.util.Optional.of(new Rule(false, false, value));
            case "lxc.cgroup2.devices.allow" -> java.util.Optional.of(new Rule(true, true, value));
            case "lxc.cgroup2.devices.deny" -> java.util.Optional.of(new Rule(true, false, value));
            default -> java.util.Optional.empty();
        };
    }

    /** A parsed rule value: type letter, numbers (-1 for *), access bits (r=1, w=2, m=4) and letters. */
    private record Parsed(char type, int major, int minor, int bits, String letters) {
        static Parsed of(String value) {
            String[] f = value.trim().split("[ \t]+");
            char type = f[0].charAt(0);
            if (f.length == 1) {
                return new Parsed(type, -1, -1, 0, "");
            }
            String[] mm = f[1].split(":");
            String letters = f.length > 2 ? f[2] : "";
            return new Parsed(type, number(mm[0]), number(mm[1]), MeasuredDeviceModel.bits(letters), letters);
        }

        boolean matches(char t, int maj, int min) {
            return (type == 'a' || type == t) && (major < 0 || major == maj) && (minor < 0 || minor == min);
        }
    }

    private static int number(String s) {
        return s.equals("*") ? -1 : Integer.parseInt(s);
    }

    static int bits(String letters) {
        int b = 0;
        for (char c : letters.toCharArray()) {
            b |= c == 'r' ? 1 : c == 'w' ? 2 : c == 'm' ? 4 : 0;
        }
        return b;
    }

    /** Returns whether liblxc refuses to start: a cgroup2 rule {@code a *:* rwm} that is part of the program. */
    static boolean startFails(CgroupHost host, List<Rule> rules) {
        if (host != CgroupHost.CGROUP2) {
            return false;
        }
        Program p = program(afterClears(rules));
        return p.items.stream().anyMatch(i -> i.allow == p.allowlist && i.rule.type == 'a' && i.rule.major < 0
                && i.rule.minor < 0 && i.rule.bits == 7);
    }

    /** Returns whether the kernel grants this access. */
    static boolean granted(CgroupHost host, List<Rule> rules, DeviceProbe.Device d, DeviceProbe.Access access) {
        int want = bits(access.letters());
        List<Rule> kept = afterClears(rules);
        return host == CgroupHost.CGROUP2 ? v2(kept, d, want) : v1(kept, d, want);
    }

    private record Exception(char type, int major, int minor, int bits) {
    }

    private static boolean v1(List<Rule> rules, DeviceProbe.Device d, int want) {
        boolean defaultAllow = true;
        List<Exception> exceptions = new ArrayList<>();
        for (Rule r : rules) {
            if (r.cgroup2) {
                continue;
            }
            if (r.value.trim().startsWith("a")) {
                exceptions.clear();
                defaultAllow = r.allow;
                continue;
            }
            Parsed p = Parsed.of(r.value);
            int at = -1;
            for (int i = 0; i < exceptions.size(); i++) {
                Exception e = exceptions.get(i);
                if (e.type == p.type && e.major == p.major && e.minor == p.minor) {
                    at = i;
                }
            }
            if (r.allow != defaultAllow) {
                if (at >= 0) {
                    Exception e = exceptions.get(at);
                    exceptions.set(at, new Exception(e.type, e.major, e.minor, e.bits | p.bits));
                } else {
                    exceptions.add(new Exception(p.type, p.major, p.minor, p.bits));
                }
            } else if (at >= 0) {
                Exception e = exceptions.get(at);
                int left = e.bits & ~p.bits;
                if (left == 0) {
                    exceptions.remove(at);
                } else {
                    exceptions.set(at, new Exception(e.type, e.major, e.minor, left));
                }
            }
        }
        for (Exception e : exceptions) {
            boolean matches = e.type == d.type() && (e.major < 0 || e.major == d.major())
                    && (e.minor < 0 || e.minor == d.minor());
            if (!matches) {
                continue;
            }
            if (defaultAllow && (e.bits & want) != 0) {
                return false;
            }
            if (!defaultAllow && (want & ~e.bits) == 0) {
                return true;
            }
        }
        return defaultAllow;
    }

    private static final class Item {
        final Parsed rule;
        boolean allow;

        Item(Parsed rule, boolean allow) {
            this.rule = rule;
            this.allow = allow;
        }
    }

    private record Program(boolean allowlist, List<Item> items) {
    }

    private static Program program(List<Rule> rules) {
        boolean allowlist = true;
        List<Item> items = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.cgroup2) {
                continue;
            }
            Parsed p = Parsed.of(r.value);
            if (p.type == 'a' && p.major < 0 && p.minor < 0 && p.letters.isEmpty()) {
                allowlist = !r.allow;
                items.clear();
                continue;
            }
            Item same = null;
            for (Item i : items) {
                if (i.rule.type == p.type && i.rule.major == p.major && i.rule.minor == p.minor
                        && i.rule.letters.equals(p.letters) && i.allow == allowlist) {
                    same = i;
                    break;
                }
            }
            if (same != null) {
                same.allow = r.allow;
            } else {
                items.add(new Item(p, r.allow));
            }
        }
        return new Program(allowlist, items);
    }

    private static boolean v2(List<Rule> rules, DeviceProbe.Device d, int want) {
        Program p = program(rules);
        if (p.items.isEmpty()) {
            return true;
        }
        for (Item i : p.items) {
            if (i.allow != p.allowlist) {
                continue;
            }
            if (i.rule.matches(d.type(), d.major(), d.minor()) && (want & ~i.rule.bits) == 0) {
                return i.allow;
            }
        }
        return !p.allowlist;
    }
}
