package io.github.lxcconf.validate;

import io.github.lxcconf.internal.EditDistance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of {@code lxc.*} keys liblxc reads, of the legacy names it no longer
 * reads, and of the raw {@code lxc.*} keys Proxmox VE allows, warns about or refuses.
 * Made from the TSV tables shipped with lxcconf, held as Java arrays made from them
 * ({@code KeyCatalogRows}, checked against the tables by every build's tests), so that no
 * table is read when a short run starts.
 *
 * <pre>{@code
 * KeyCatalog keys = KeyCatalog.standard();
 * keys.lookup("lxc.cgroup2.devices.allow").map(KeyCatalog.KeyInfo::pattern); // Optional[lxc.cgroup2]
 * keys.legacy("lxc.utsname").map(KeyCatalog.LegacyKey::newKey);             // Optional[lxc.uts.name]
 * keys.suggestions("lxc.uts.nmae");                                          // [lxc.uts.name]
 * keys.proxmox("lxc.rootfs.path").status();                                  // REFUSED
 * }</pre>
 */
public final class KeyCatalog {

    /** How a catalogue row matches keys. */
    public enum Kind {
        /** One key, one value: a later line replaces the earlier one. */
        SINGLE,
        /** One key, many values: every line adds one; an empty value clears the list. */
        LIST,
        /** A family of keys sharing a prefix ({@code lxc.cgroup2.*}, {@code lxc.sysctl.*}, ...). */
        PREFIX
    }

    /**
     * One row of the key catalogue.
     *
     * <pre>{@code
     * KeyCatalog.standard().lookup("lxc.tty.max").get().grammar(); // "unsigned integer (...)"
     * }</pre>
     *
     * @param pattern the key, a prefix such as {@code lxc.cgroup2}, or {@code lxc.net.<N>.type}
     * @param kind    single, list or prefix family
     * @param grammar the value grammar, in words
     * @param meaning what the key does
     * @param since   the liblxc version that introduced the key (and its earlier name, if any)
     */
    public record KeyInfo(String pattern, Kind kind, String grammar, String meaning, String since) {
        /**
         * Tells whether the family is the cgroup v1 {@code lxc.cgroup.*} family (LXC 6.x and earlier only).
         *
         * @return true for the {@code lxc.cgroup} prefix row
         */
        public boolean isCgroupV1Family() {
            return kind == Kind.PREFIX && pattern.equals("lxc.cgroup");
        }
    }

    /**
     * One legacy key name liblxc 3.0 and later refuse, with its replacement.
     *
     * <pre>{@code
     * KeyCatalog.standard().legacy("lxc.network.0.ipv4").get().replacement("lxc.network.0.ipv4", 0);
     * // "lxc.net.0.ipv4.address"
     * }</pre>
     *
     * @param oldKey         the old name or pattern ({@code lxc.limit.<resource>})
     * @param newKey         the new name or pattern, or {@code (removed)}
     * @param valueTransform how the value changes, in words
     * @param lastAccepted   the last liblxc line that read the old name
     * @param notes          further notes
     */
    public record LegacyKey(String oldKey, String newKey, String valueTransform, String lastAccepted, String notes) {
        /**
         * Tells whether the key has no replacement and the line should simply go.
         *
         * @return true for removed keys
         */
        public boolean removed() {
            return newKey.startsWith("(removed)");
        }

        /**
         * Returns the current key for a concrete legacy key.
         *
         * @param key            the legacy key as written
         * @param interfaceIndex the interface index for unindexed {@code lxc.network.*} keys
         * @return the new key, or empty when the key was removed
         */
        public Optional<String> replacement(String key, int interfaceIndex) {
            if (removed()) {
                return Optional.empty();
            }
            Matcher m = INDEXED_NETWORK.matcher(key);
            if (m.matches()) {
                String sub = m.group(2);
                if (sub.equals("ipv4") || sub.equals("ipv6")) {
                    sub = sub + ".address";
                }
                return Optional.of("lxc.net." + m.group(1) + "." + sub);
            }
            if (oldKey.equals("lxc.limit.<resource>")) {
                return Optional.of("lxc.prlimit." + key.substring("lxc.limit.".length()));
            }
            return Optional.of(newKey.replace("<i>", Integer.toString(Math.max(0, interfaceIndex))));
        }
    }

    /** What Proxmox VE does with a raw {@code lxc.*} line of a container config. */
    public enum ProxmoxStatus {
        /** Kept and passed on to liblxc. */
        ALLOWED,
        /** Kept, but stored elsewhere ({@code lxc.environment.runtime} goes into the {@code env} option). */
        SPECIAL,
        /** Kept, with a warning. */
        WARNS,
        /** Refused: Proxmox prints the message and drops the line on its next write. */
        REFUSED
    }

    /**
     * The Proxmox rule matching a raw {@code lxc.*} key.
     *
     * <pre>{@code
     * KeyCatalog.standard().proxmox("lxc.sysctl.net.ipv4.ip_forward").status(); // REFUSED
     * }</pre>
     *
     * @param pattern the key or pattern of the rule
     * @param status  what Proxmox does
     * @param message the message Proxmox prints ({@code <key>}, {@code <line>}, {@code <VMID>} placeholders), may be empty
     * @param notes   further notes
     */
    public record ProxmoxRule(String pattern, ProxmoxStatus status, String message, String notes) {
    }

    private static final Pattern INDEXED_NETWORK = Pattern.compile("lxc\\.network\\.([0-9]+)\\.(.+)");
    private static final Pattern BARE_NET = Pattern.compile("lxc\\.net(\\.[0-9]+)?");
    private static final Pattern NET_KEY = Pattern.compile("lxc\\.net\\.([0-9]+)\\.(.+)");

    private static final KeyCatalog STANDARD = new KeyCatalog();

    private final Map<String, KeyInfo> exact = new LinkedHashMap<>();
    private final Map<String, KeyInfo> netSubKeys = new LinkedHashMap<>();
    private final List<KeyInfo> prefixes = new ArrayList<>();
    private final Set<String> sharedNamespaces;
    private final Map<String, LegacyKey> legacyExact = new LinkedHashMap<>();
    private LegacyKey legacyLimit;
    private LegacyKey legacyIndexedNetwork;
    private final Map<String, ProxmoxRule> proxmoxExact = new LinkedHashMap<>();
    private final Map<String, ProxmoxRule> proxmoxPrefix = new LinkedHashMap<>();
    private ProxmoxRule proxmoxLimit;
    private ProxmoxRule proxmoxOther;

    private KeyCatalog() {
        for (String[] row : rows(KeyCatalogRows.KEYS)) {
            Kind kind = Kind.valueOf(row[1].toUpperCase(Locale.ROOT));
            KeyInfo info = new KeyInfo(row[0], kind, row[2], row[3], row[4]);
            if (kind == Kind.PREFIX) {
                prefixes.add(info);
            } else if (row[0].startsWith("lxc.net.<N>.")) {
                netSubKeys.put(row[0].substring("lxc.net.<N>.".length()), info);
            } else {
                exact.put(row[0], info);
            }
        }
        prefixes.sort(Comparator.comparingInt((KeyInfo k) -> k.pattern().length()).reversed());
        Set<String> shared = Set.of();
        for (KeyInfo k : prefixes) {
            if (k.pattern().equals("lxc.namespace.share.")) {
                shared = words(between(k.grammar(), " in ", " ("));
                break;
            }
        }
        sharedNamespaces = shared;
        for (String[] row : rows(KeyCatalogRows.LEGACY)) {
            LegacyKey legacy = new LegacyKey(row[0], row[1], row[2], row[3], row[4]);
            if (row[3].startsWith("6.") || row[3].startsWith("(")) {
                continue; // still read by the LTS lines (lxc.cgroup.*) or still valid
            }
            if (row[0].equals("lxc.limit.<resource>")) {
                legacyLimit = legacy;
            } else if (row[0].equals("lxc.network.<N>.<subkey>")) {
                legacyIndexedNetwork = legacy;
            } else {
                legacyExact.put(row[0], legacy);
            }
        }
        for (String[] row : rows(KeyCatalogRows.PROXMOX)) {
            ProxmoxRule rule = new ProxmoxRule(row[0], status(row[2]), row[3], row[4]);
            switch (row[1]) {
                case "exact" -> proxmoxExact.put(row[0], rule);
                case "prefix" -> {
                    String p = row[0].endsWith("*") ? row[0].substring(0, row[0].length() - 1) : row[0];
                    if (p.equals("lxc.limit.")) {
                        proxmoxLimit = rule;
                    } else {
                        proxmoxPrefix.put(p, rule);
                    }
                }
                case "exact/prefix" -> {
                    for (String part : row[0].split(" / ")) {
                        String token = part.strip().split("\\s+")[0];
                        if (token.endsWith(".*")) {
                            proxmoxPrefix.put(token.substring(0, token.length() - 1), rule);
                        } else {
                            proxmoxExact.put(token, rule);
                        }
                    }
                }
                case "other" -> proxmoxOther = rule;
                default -> { } // syntax rules: the reader already reports such lines
            }
        }
    }

    /**
     * Returns the catalogue shipped with lxcconf.
     *
     * @return the shared, immutable catalogue
     */
    public static KeyCatalog standard() {
        return STANDARD;
    }

    /**
     * Tells whether liblxc's parser accepts the key name: a key with a catalogue row, or a bare
     * {@code lxc.net} / {@code lxc.net.N}, which has no row of its own and removes interfaces.
     *
     * <pre>{@code
     * KeyCatalog.standard().knows("lxc.net.0");     // true
     * KeyCatalog.standard().knows("lxc.utsname");   // false: a legacy key
     * }</pre>
     *
     * @param key the key as written
     * @return whether liblxc reads a line with this key rather than refusing the config
     */
    public boolean knows(String key) {
        return lookup(key).isPresent() || BARE_NET.matcher(key).matches();
    }

    /**
     * Finds the catalogue row for a key: the exact key, the {@code lxc.net.<N>.*} row, or the
     * prefix family. The bare prefix ({@code lxc.cgroup2}) also finds its family.
     *
     * @param key the key as written
     * @return the row, or empty for a key liblxc does not know (legacy keys included)
     */
    public Optional<KeyInfo> lookup(String key) {
        return answers(key).lookup;
    }

    /** What the catalogue says about one key, computed once per key: every line asks again. */
    private record Answers(Optional<KeyInfo> lookup, Optional<LegacyKey> legacy, boolean list) { }

    /** The answers by key; bounded, so that a file of many made-up keys cannot grow it without end. */
    private final Map<String, Answers> answers = new ConcurrentHashMap<>();
    private static final int MAX_ANSWERS = 4096;

    private Answers answers(String key) {
        Answers a = answers.get(key);
        if (a == null) {
            Optional<KeyInfo> info = find(key);
            a = new Answers(info, findLegacy(key), info.map(k -> switch (k.kind()) {
                case LIST -> true;
                case SINGLE -> false;
                case PREFIX -> !k.grammar().contains("REPLACES") && !k.pattern().equals("lxc.namespace.share.");
            }).orElse(false));
            if (answers.size() < MAX_ANSWERS) {
                answers.put(key, a);
            }
        }
        return a;
    }

    private Optional<KeyInfo> find(String key) {
        // every line's key is looked up, often more than once: no regular expression on the way to a hit
        KeyInfo info = exact.get(key);
        if (info != null) {
            return Optional.of(info);
        }
        String sub = netSubKey(key);
        if (sub != null) {
            return Optional.ofNullable(netSubKeys.get(sub));
        }
        for (KeyInfo p : prefixes) {
            String family = p.pattern().endsWith(".") ? p.pattern() : p.pattern() + ".";
            if (key.equals(p.pattern()) && !p.pattern().endsWith(".")) {
                return Optional.of(p);
            }
            // liblxc matches a family by its prefix alone: 'lxc.sysctl..' and 'lxc.cgroup.' are family keys too
            if (key.startsWith(family)) {
                if (p.pattern().equals("lxc.namespace.share.")
                        && !sharedNamespaces.contains(key.substring(family.length()))) {
                    return Optional.empty();
                }
                if (p.pattern().equals("lxc.net.")) {
                    return Optional.empty();
                }
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether a second line with the same key adds a value (true) or replaces the first (false).
     *
     * @param key a key the catalogue knows
     * @return true for list keys and for the families whose duplicates append
     */
    public boolean isList(String key) {
        return answers(key).list;
    }

    /**
     * Returns whether a key holds one value, so that a second line with it replaces the first instead of
     * adding a value: an {@code lxc.*} key the catalogue knows that is not a list, or a Proxmox option
     * (Proxmox keeps one value per option). Unknown keys are not single-valued: nothing is known of them.
     *
     * <pre>{@code
     * KeyCatalog.standard().isSingleValued("hostname");         // true
     * KeyCatalog.standard().isSingleValued("lxc.uts.name");     // true
     * KeyCatalog.standard().isSingleValued("lxc.mount.entry");  // false
     * }</pre>
     *
     * @param key the key as written
     * @return true if the key holds one value
     */
    public boolean isSingleValued(String key) {
        Objects.requireNonNull(key, "key");
        if (key.startsWith("lxc.")) {
            return lookup(key).isPresent() && !isList(key);
        }
        return io.github.lxcconf.model.proxmox.OptionSchema.proxmox().option(key).isPresent();
    }

    /**
     * Returns what a key holds after its values are read in file order, as liblxc holds them: for a list
     * key, every value after the last empty one (only the empty value clears a list; a quoted blank
     * {@code " "} is a value, and liblxc keeps it); for any other key, the last value.
     *
     * <pre>{@code
     * KeyCatalog.standard().holds("lxc.mount.entry", List.of("/a a none bind", "", "/b b none bind"));
     * // [/b b none bind]
     * KeyCatalog.standard().holds("lxc.hook.mount", List.of("/bin/a", " ")); // [/bin/a,  ]
     * KeyCatalog.standard().holds("lxc.uts.name", List.of("a", "b"));        // [b]
     * }</pre>
     *
     * @param key    the key as written
     * @param values its values in file order, as {@link io.github.lxcconf.syntax.EntryLine#value()} reads them
     * @return the values the key holds, possibly empty
     */
    public List<String> holds(String key, List<String> values) {
        Objects.requireNonNull(key, "key");
        if (values.isEmpty()) {
            return List.of();
        }
        if (!key.startsWith("lxc.") || !isList(key)) {
            return List.of(values.get(values.size() - 1));
        }
        int from = 0;
        for (int i = 0; i < values.size(); i++) {
            if (clearsList(values.get(i))) {
                from = i + 1;
            }
        }
        return List.copyOf(values.subList(from, values.size()));
    }

    /**
     * Returns whether a value of a list key clears the list: only the empty value does. A value of blanks,
     * written with quotes ({@code lxc.mount.entry = " "}), is a value: liblxc 5.0.2 keeps it in the list
     * (or, for a key whose value is a list of words, such as {@code lxc.cap.drop}, adds no word).
     *
     * <pre>{@code
     * KeyCatalog.clearsList("");   // true
     * KeyCatalog.clearsList(" ");  // false
     * }</pre>
     *
     * @param value the value as {@link io.github.lxcconf.syntax.EntryLine#value()} reads it
     * @return whether it clears
     */
    public static boolean clearsList(String value) {
        return value.isEmpty();
    }

    /**
     * Finds the legacy row for a key that liblxc 3.0 and later refuse.
     *
     * @param key the key as written
     * @return the row, or empty when the key is not a legacy name
     */
    public Optional<LegacyKey> legacy(String key) {
        return answers(key).legacy;
    }

    private Optional<LegacyKey> findLegacy(String key) {
        LegacyKey legacy = legacyExact.get(key);
        if (legacy != null) {
            return Optional.of(legacy);
        }
        if (key.startsWith("lxc.limit.") && key.length() > "lxc.limit.".length()) {
            return Optional.ofNullable(legacyLimit);
        }
        if (key.startsWith("lxc.network.") && INDEXED_NETWORK.matcher(key).matches()) {
            return Optional.ofNullable(legacyIndexedNetwork);
        }
        return Optional.empty();
    }

    /**
     * Suggests known keys close to an unknown one (edit distance), best first.
     *
     * @param key the unknown key
     * @return at most three keys, possibly none
     */
    public List<String> suggestions(String key) {
        Map<String, Integer> distance = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>(exact.keySet());
        Matcher m = NET_KEY.matcher(key);
        String index = m.matches() ? m.group(1) : "0";
        for (String sub : netSubKeys.keySet()) {
            candidates.add("lxc.net." + index + "." + sub);
        }
        int limit = Math.max(2, Math.min(3, key.length() / 4));
        for (String candidate : candidates) {
            int d = editDistance(key, candidate, limit);
            if (d <= limit) {
                distance.put(candidate, d);
            }
        }
        return distance.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    /**
     * Returns what Proxmox VE does with a raw {@code lxc.*} key in a container config.
     *
     * @param key the key as written
     * @return the matching rule (keys no rule allows get the refusing catch-all rule)
     */
    public ProxmoxRule proxmox(String key) {
        if (key.startsWith("lxc.limit.") && proxmoxLimit != null) {
            return proxmoxLimit;
        }
        ProxmoxRule rule = proxmoxExact.get(key);
        if (rule != null) {
            return rule;
        }
        ProxmoxRule best = null;
        int bestLength = -1;
        for (Map.Entry<String, ProxmoxRule> e : proxmoxPrefix.entrySet()) {
            if (key.startsWith(e.getKey()) && key.length() > e.getKey().length() && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best != null ? best : proxmoxOther;
    }

    /**
     * Returns every exact key of the catalogue (without prefix families and network sub-keys).
     *
     * @return the keys in catalogue order
     */
    public Set<String> exactKeys() {
        return java.util.Collections.unmodifiableSet(exact.keySet());
    }

    // ------------------------------------------------------------------ helpers

    static Set<String> words(String text) {
        return Set.copyOf(Arrays.asList(text.strip().split("\\s+")));
    }

    static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        if (start < 0) {
            return "";
        }
        start += from.length();
        int end = text.indexOf(to, start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    private static ProxmoxStatus status(String text) {
        if (text.startsWith("allowed-with-warning")) {
            return ProxmoxStatus.WARNS;
        }
        if (text.startsWith("allowed")) {
            return ProxmoxStatus.ALLOWED;
        }
        if (text.startsWith("special")) {
            return ProxmoxStatus.SPECIAL;
        }
        return ProxmoxStatus.REFUSED;
    }

    static int editDistance(String a, String b, int limit) {
        return EditDistance.between(a, b, limit);
    }

    /** The rows of a table, as {@link KeyCatalogRows} holds them: {@link KeyCatalogRows#COLUMNS} cells each. */
    private static List<String[]> rows(String[] cells) {
        List<String[]> rows = new ArrayList<>(cells.length / KeyCatalogRows.COLUMNS);
        for (int i = 0; i < cells.length; i += KeyCatalogRows.COLUMNS) {
            rows.add(Arrays.copyOfRange(cells, i, i + KeyCatalogRows.COLUMNS));
        }
        return rows;
    }

    /**
     * The part after the index of {@code lxc.net.N.PART}, as {@link #NET_KEY} reads it, or null: the same
     * test without a regular expression, as it runs for every line.
     */
    private static String netSubKey(String key) {
        if (!key.startsWith("lxc.net.")) {
            return null;
        }
        int n = key.length();
        int i = "lxc.net.".length();
        while (i < n && key.charAt(i) >= '0' && key.charAt(i) <= '9') {
            i++;
        }
        if (i == "lxc.net.".length() || i + 1 >= n || key.charAt(i) != '.') {
            return null;
        }
        for (int j = i + 1; j < n; j++) {
            char c = key.charAt(j);
            // '.' in a regular expression matches any character but these line terminators
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        return key.substring(i + 1);
    }
}
