package io.github.lxcconf.it.liblxc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a config file's bytes, the way hands and scripts damage real configs: lines deleted,
 * duplicated or swapped, separators changed, junk keys inserted, device-rule letters flipped, values truncated,
 * emptied, quoted or given an inline comment, NUL and CR bytes, blanks, {@code [section]} lines, upper-case keys
 * and changed numbers. Bytes are handled one to one (ISO-8859-1), so a mutation never re-encodes the file.
 *
 * <pre>{@code
 * Mutator.Mutated m = Mutator.mutate(bytes, new SplittableRandom(7));
 * m.bytes();       // the damaged file
 * m.mutations();   // [swap lines 3 and 9, flip device letter on line 12]
 * }</pre>
 */
final class Mutator {

    /** A mutated file and what was done to it. */
    record Mutated(byte[] bytes, List<String> mutations) {
    }

    static final List<String> JUNK = List.of("lxc.foo.bar = 1", "lxc.network.type = veth", "lxc.utsname = x",
            "lxc.net.0.ipv4 = 10.0.0.1", "lxc.cgroup2.bogus.file = 1", "lxc.mount.entry = /a", "lxc.idmap = u 0 100000",
            "lxc.cap.drop = not_a_cap", "lxc.cap.keep = sys_admin", "lxc.apparmor.profile: unconfined",
            "lxc.tty.max = 4 # four", "lxc.arch = sparc", "lxc.prlimit.nofile = 0x10", "lxc.signal.halt = SIGBOGUS",
            "lxc.log.level = verbose", "lxc.net.0.type = bogus", "lxc.net.1.vlan.id = 10", "lxc.uts.name",
            "lxc.mount.auto = proc:bogus", "lxc.cgroup2.devices.allow = x 10:232 rwm", "lxc.namespace.clone = mount",
            "lxc.autodev = yes", "lxc.start.auto = 2", "lxc.net.2147483647.type = veth", "LXC.uts.name = x",
            "lxc.rootfs.path = dir:/x", "lxc.net.0.ipv4.address = 300.1.1.1/24", "lxc.hook = /bin/true",
            "lxc.ephemeral = 2", "lxc.cgroup.memory.limit_in_bytes = 1G", "lxc.cgroup2 = x", "lxc. = x",
            "lxc.net.0.ipv6.address = fe80::1/129", "lxc.sysctl.net.ipv4.ip_forward = 1", "lxc.include",
            "lxc.mount.fstab =", "lxc.arch =", "lxc.seccomp.notify.proxy = tcp:1", "lxc.apparmor.allow_nesting = 2");
    private static final List<String> SEPARATORS = List.of(":", " ", "==", " : ", "\t=\t", "=", " = ", ": ");
    private static final List<String> SECTIONS = List.of("[snap1]", "[section]", "[pve:pending]", "[", "[]");
    private static final int KINDS = 17;

    private Mutator() {
    }

    /** Applies one to three mutations. */
    static Mutated mutate(byte[] input, SplittableRandom r) {
        List<String> lines = split(new String(input, StandardCharsets.ISO_8859_1));
        List<String> done = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            done.add(once(lines, r));
        }
        return new Mutated(String.join("", lines).getBytes(StandardCharsets.ISO_8859_1), done);
    }

    private static String once(List<String> lines, SplittableRandom r) {
        if (lines.isEmpty()) {
            lines.add("\n");
        }
        int at = r.nextInt(lines.size());
        String line = lines.get(at);
        String body = body(line);
        String eol = line.substring(body.length());
        int eq = body.indexOf('=');
        switch (r.nextInt(KINDS)) {
            case 0 -> {
                lines.remove(at);
                return "delete line " + (at + 1);
            }
            case 1 -> {
                lines.add(at, withEol(line));
                return "duplicate line " + (at + 1);
            }
            case 2 -> {
                int other = r.nextInt(lines.size());
                lines.set(at, withEol(lines.get(other)));
                lines.set(other, withEol(line));
                return "swap lines " + (at + 1) + " and " + (other + 1);
            }
            case 3 -> {
                if (eq < 0) {
                    return "separator (no '=' on line " + (at + 1) + ")";
                }
                String sep = pick(r, SEPARATORS);
                lines.set(at, body.substring(0, eq).stripTrailing() + sep + body.substring(eq + 1).stripLeading() + eol);
                return "separator '" + sep + "' on line " + (at + 1);
            }
            case 4 -> {
                String junk = r.nextInt(4) == 0 ? "lxc." + word(r) + "." + word(r) + " = " + word(r) : pick(r, JUNK);
                lines.add(at, junk + "\n");
                return "insert '" + junk + "' at line " + (at + 1);
            }
            case 5 -> {
                int rule = findLine(lines, r, "devices.");
                if (rule < 0) {
                    return "device letter (no device rule)";
                }
                String l = lines.get(rule);
                int v = Math.max(l.indexOf('=') + 1, 0);
                List<Integer> letters = new ArrayList<>();
                for (int i = v; i < body(l).length(); i++) {
                    if ("abcrwm:*".indexOf(l.charAt(i)) >= 0) {
                        letters.add(i);
                    }
                }
                if (letters.isEmpty()) {
                    return "device letter (none on line " + (rule + 1) + ")";
                }
                int i = letters.get(r.nextInt(letters.size()));
                char to = "abcxrwmq: *0".charAt(r.nextInt(12));
                lines.set(rule, l.substring(0, i) + to + l.substring(i + 1));
                return "device letter '" + l.charAt(i) + "' -> '" + to + "' on line " + (rule + 1);
            }
            case 6 -> {
                int cut = body.isEmpty() ? 0 : r.nextInt(body.length());
                lines.set(at, body.substring(0, cut) + eol);
                return "truncate line " + (at + 1) + " at " + cut;
            }
            case 7 -> {
                int pos = r.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, pos) + "\0" + line.substring(pos));
                return "NUL on line " + (at + 1);
            }
            case 8 -> {
                if (r.nextBoolean() && eol.equals("\n")) {
                    lines.set(at, body + (r.nextBoolean() ? "\r\n" : "\r"));
                    return "CR line end on line " + (at + 1);
                }
                int pos = r.nextInt(body.length() + 1);
                lines.set(at, body.substring(0, pos) + "\r" + body.substring(pos) + eol);
                return "CR inside line " + (at + 1);
            }
            case 9 -> {
                String blanks = pick(r, List.of(" ", "\t", "  ", " \t"));
                switch (r.nextInt(3)) {
                    case 0 -> lines.add(at, blanks + "\n");
                    case 1 -> lines.set(at, blanks + line);
                    default -> lines.set(at, body + blanks + eol);
                }
                return "blanks at line " + (at + 1);
            }
            case 10 -> {
                String section = pick(r, SECTIONS);
                lines.add(at, section + "\n");
                return "insert '" + section + "' at line " + (at + 1);
            }
            case 11 -> {
                int key = findLine(lines, r, "lxc.");
                if (key < 0) {
                    return "upper-case key (no lxc. line)";
                }
                String l = lines.get(key);
                int k = l.indexOf("lxc.");
                lines.set(key, l.substring(0, k) + "LXC." + l.substring(k + 4));
                return "upper-case LXC. on line " + (key + 1);
            }
            case 12 -> {
                if (eq < 0) {
                    return "quote (no '=' on line " + (at + 1) + ")";
                }
                String q = pick(r, List.of("\"", "'"));
                String value = body.substring(eq + 1).strip();
                String quoted = r.nextBoolean() ? q + value + q : q + value;
                lines.set(at, body.substring(0, eq + 1) + " " + quoted + eol);
                return "quote value on line " + (at + 1);
            }
            case 13 -> {
                lines.set(at, body + " # comment" + eol);
                return "inline comment on line " + (at + 1);
            }
            case 14 -> {
                if (eq < 0) {
                    return "empty value (no '=' on line " + (at + 1) + ")";
                }
                lines.set(at, body.substring(0, eq + 1) + eol);
                return "empty value on line " + (at + 1);
            }
            case 15 -> {
                List<Integer> digits = new ArrayList<>();
                for (int i = 0; i < body.length(); i++) {
                    if (Character.isDigit(body.charAt(i))) {
                        digits.add(i);
                    }
                }
                if (digits.isEmpty()) {
                    return "number (none on line " + (at + 1) + ")";
                }
                int i = digits.get(r.nextInt(digits.size()));
                String to = pick(r, List.of("0", "9", "99999999999", "-1", "", "x", "4294967296"));
                lines.set(at, body.substring(0, i) + to + body.substring(i + 1) + eol);
                return "number -> '" + to + "' on line " + (at + 1);
            }
            default -> {
                int cut = r.nextInt(lines.size() + 1);
                lines.subList(cut, lines.size()).clear();
                if (!lines.isEmpty() && r.nextBoolean()) {
                    int last = lines.size() - 1;
                    lines.set(last, body(lines.get(last)));
                }
                return "file cut after line " + cut;
            }
        }
    }

    /** Splits into lines, each with its line end (LF, CRLF or CR), so that joining gives the text back. */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(text.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String body(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String withEol(String line) {
        return body(line).length() == line.length() ? line + "\n" : line;
    }

    private static int findLine(List<String> lines, SplittableRandom r, String containing) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(containing)) {
                found.add(i);
            }
        }
        return found.isEmpty() ? -1 : found.get(r.nextInt(found.size()));
    }

    private static String word(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz_0123456789".charAt(r.nextInt(37)));
        }
        return sb.toString();
    }

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
