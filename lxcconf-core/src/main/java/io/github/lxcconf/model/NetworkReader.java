package io.github.lxcconf.model;

import io.github.lxcconf.DiagnosticCode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads {@code lxc.net} and {@code lxc.net.*} lines in order, as liblxc applies them. */
final class NetworkReader {
    private static final int IFNAMSIZ = 15;

    private final Problems problems;
    private final TreeMap<Integer, Map<String, List<String>>> keys = new TreeMap<>();
    private final TreeMap<Integer, List<Origin>> origins = new TreeMap<>();

    NetworkReader(Problems problems) {
        this.problems = problems;
    }

    void read(Origin at, String key, String value) {
        if (key.equals("lxc.net")) {
            if (value.isEmpty()) {
                keys.clear();
                origins.clear();
            } else {
                problems.key(DiagnosticCode.LXC_NET_KEY, at, "'lxc.net' only accepts an empty value, which removes"
                        + " every interface; liblxc refuses the file", "to configure an interface, use lxc.net.0.type,"
                        + " lxc.net.0.link, ...");
            }
            return;
        }
        String rest = key.substring("lxc.net.".length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            removal(at, key, rest, value);
            return;
        }
        String indexText = rest.substring(0, dot);
        String sub = rest.substring(dot + 1);
        if (!Values.isDigits(indexText)) {
            problems.key(DiagnosticCode.LXC_NET_KEY, at, "'" + key + "': the interface index '" + indexText
                    + "' must be decimal digits; liblxc refuses the file", "write lxc.net.0." + sub
                    + ", lxc.net.1." + sub + ", ...");
            return;
        }
        // up to 9 digits the index fits in an int below MAX_INDEX: no BigInteger for the usual lxc.net.0
        BigInteger n = indexText.length() <= 9 ? null : new BigInteger(indexText);
        if (n != null && n.compareTo(BigInteger.valueOf(NetworkInterface.MAX_INDEX)) > 0) {
            problems.key(DiagnosticCode.LXC_NET_KEY, at, "'" + key + "': the interface index must be below 2147483647;"
                    + " liblxc refuses the file", "number interfaces from 0: lxc.net.0, lxc.net.1, ...");
            return;
        }
        int index = n == null ? Integer.parseInt(indexText) : n.intValueExact();
        NetworkInterface.SubKey s = NetworkInterface.SUB_KEYS.get(sub);
        if (s == null) {
            problems.key(DiagnosticCode.LXC_NET_KEY, at, "unknown network key '" + key + "': liblxc refuses the file",
                    suggestion(index, sub));
            return;
        }
        Map<String, List<String>> iface = keys.get(index);
        if (value.isEmpty()) {
            if (iface == null) {
                problems.value(DiagnosticCode.LXC_NET_NO_INTERFACE, at, "'" + key + " =' clears a field of interface "
                        + index + ", but no earlier line mentions interface " + index + "; liblxc refuses the file",
                        "remove the line");
                return;
            }
            if (s.needs() != null && !type(iface).equals(Optional.of(s.needs()))) {
                return; // liblxc ignores clearing a field of another interface type
            }
            if (s.name().equals("type")) {
                origins.get(index).clear();
            }
            NetworkInterface.apply(iface, s, value);
            origins.get(index).add(at);
            return;
        }
        String problem = NetworkInterface.problem(sub, value);
        if (problem != null) {
            problems.value(DiagnosticCode.LXC_NET_VALUE, at, NetworkInterface.invalidValue(index, sub, value, problem)
                    + "; liblxc refuses the file", null);
            return;
        }
        Optional<NetworkType> type = iface == null ? Optional.empty() : type(iface);
        if (s.needs() != null && !type.equals(Optional.of(s.needs()))) {
            problems.value(DiagnosticCode.LXC_NET_WRONG_TYPE, at, NetworkInterface.wrongType(index, sub, s.needs(), type)
                    + "; liblxc refuses the file", "set lxc.net." + index + ".type = " + s.needs().word()
                    + " on an earlier line");
            return;
        }
        if (iface == null) {
            iface = new LinkedHashMap<>();
            keys.put(index, iface);
            origins.put(index, new ArrayList<>());
        }
        if (s.name().equals("type")) {
            List<String> lost = iface.keySet().stream().filter(k -> !k.equals("type")).toList();
            if (!lost.isEmpty()) {
                problems.value(DiagnosticCode.LXC_NET_TYPE_RESET, at, "lxc.net." + index + ".type resets interface "
                        + index + ": " + String.join(", ", lost) + " set above " + (lost.size() == 1 ? "is" : "are")
                        + " lost", "write lxc.net." + index + ".type first; for another interface use another"
                        + " index, such as lxc.net." + (index + 1) + ".type");
            }
            origins.get(index).clear();
        }
        if ((sub.equals("name") || sub.equals("link") || sub.equals("veth.pair")) && Values.utf8Length(value) > IFNAMSIZ) {
            problems.value(DiagnosticCode.LXC_NET_NAME_TRUNCATED, at, "the value of " + key + " is longer than 15"
                    + " bytes: liblxc silently cuts it to '" + truncate(value) + "'", "use at most 15 characters");
        }
        NetworkInterface.apply(iface, s, value);
        origins.get(index).add(at);
    }

    /** {@code lxc.net.N}: only an empty value, which removes interface N; N is read as C base 0 here. */
    private void removal(Origin at, String key, String indexText, String value) {
        Optional<BigInteger> n = Values.cUnsigned(indexText).filter(x -> x.compareTo(BigInteger.valueOf(
                NetworkInterface.MAX_INDEX)) <= 0);
        if (n.isEmpty() || indexText.isEmpty() || !Character.isDigit(indexText.charAt(0))) {
            problems.key(DiagnosticCode.LXC_NET_KEY, at, "'" + key + "': '" + indexText + "' is not an interface index;"
                    + " liblxc refuses the file", "write lxc.net.0.type, lxc.net.1.type, ...");
            return;
        }
        if (!value.isEmpty()) {
            problems.key(DiagnosticCode.LXC_NET_KEY, at, "'" + key + "' only accepts an empty value, which removes"
                    + " interface " + n.get() + "; liblxc refuses the file", "to configure the interface, use " + key
                    + ".type, " + key + ".link, ...");
            return;
        }
        keys.remove(n.get().intValueExact());
        origins.remove(n.get().intValueExact());
    }

    private static Optional<NetworkType> type(Map<String, List<String>> iface) {
        List<String> t = iface.get("type");
        return t == null ? Optional.empty() : NetworkType.of(t.get(0));
    }

    private static String truncate(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return new String(b, 0, IFNAMSIZ, StandardCharsets.UTF_8);
    }

    private static String suggestion(int index, String sub) {
        if (NetworkInterface.SUB_KEYS.containsKey(sub + ".address")) {
            return "did you mean lxc.net." + index + "." + sub + ".address?";
        }
        for (String known : NetworkInterface.SUB_KEYS.keySet()) {
            if (known.startsWith(sub + ".")) {
                return "did you mean lxc.net." + index + "." + known + "?";
            }
        }
        return "network keys are " + String.join(", ", NetworkInterface.SUB_KEYS.keySet()) + " (lxc.container.conf(5))";
    }

    List<NetworkInterface> result() {
        List<NetworkInterface> out = new ArrayList<>();
        keys.forEach((index, k) -> out.add(new NetworkInterface(index, k, origins.get(index))));
        return List.copyOf(out);
    }
}
