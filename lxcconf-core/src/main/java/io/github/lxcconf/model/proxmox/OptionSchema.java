package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.internal.SpecFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Proxmox VE container option schema, loaded from the two tables of the
 * format research ({@code proxmox-keys.tsv}, {@code proxmox-property-strings.tsv}),
 * which are copied verbatim into this package's resources and are the single
 * source of option names, types, defaults and property-string sub-keys.
 *
 * <pre>{@code
 * OptionSchema schema = OptionSchema.proxmox();
 * schema.option("net7").orElseThrow().pattern();          // "net[0-31]"
 * schema.option("net32");                                 // Optional.empty: unknown setting
 * schema.format("mp3").orElseThrow().defaultKey();        // Optional[volume]
 * }</pre>
 */
public final class OptionSchema {

    /** The type of an option or of a property-string sub-key, as Proxmox's schema names it. */
    public enum ValueType {
        /** Free text, possibly with a format. */
        STRING,
        /** Digits only when read at the top level; {@code [+-]?digits} inside property strings. */
        INTEGER,
        /** {@code digits} or {@code digits.digits} at the top level; Perl numbers inside property strings. */
        NUMBER,
        /** {@code 1}/{@code 0}, also {@code on/off}, {@code yes/no}, {@code true/false} in any case. */
        BOOLEAN;

        static ValueType of(String tsv) {
            String word = tsv.strip().split("[\\s(]", 2)[0];
            return switch (word) {
                case "string" -> STRING;
                case "integer" -> INTEGER;
                case "number" -> NUMBER;
                case "boolean" -> BOOLEAN;
                default -> throw new IllegalStateException("unknown type in the Proxmox tables: " + tsv);
            };
        }
    }

    /**
     * One top-level option (a row of {@code proxmox-keys.tsv}), possibly an indexed family such as
     * {@code net[0-31]}.
     *
     * <pre>{@code
     * Option net = OptionSchema.proxmox().option("net0").orElseThrow();
     * net.family();   // "net"
     * net.maxIndex(); // 31
     * }</pre>
     *
     * @param pattern      the key or pattern as the table writes it ({@code memory}, {@code net[0-31]})
     * @param family       the key without its index range ({@code memory}, {@code net})
     * @param indexed      whether the key takes a decimal index
     * @param minIndex     the lowest index (0 when not indexed)
     * @param maxIndex     the highest index (0 when not indexed)
     * @param type         the value type
     * @param format       the table's format/enum column, verbatim
     * @param defaultValue the table's default column, verbatim; empty when blank
     * @param meaning      the table's meaning column
     */
    public record Option(String pattern, String family, boolean indexed, int minIndex, int maxIndex, ValueType type,
                         String format, Optional<String> defaultValue, String meaning) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Option {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(defaultValue, "defaultValue");
            Objects.requireNonNull(meaning, "meaning");
        }

        /**
         * Returns whether a key names this option: the family, then (for indexed options) a decimal
         * index in range without leading zeros ({@code mp01} is no option).
         *
         * @param key the key as written
         * @return {@code true} if the key is this option
         */
        public boolean matches(String key) {
            if (!indexed) {
                return key.equals(family);
            }
            if (!key.startsWith(family) || key.length() == family.length()) {
                return false;
            }
            String digits = key.substring(family.length());
            if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 4
                    || (digits.length() > 1 && digits.charAt(0) == '0')) {
                return false;
            }
            int index = Integer.parseInt(digits);
            return index >= minIndex && index <= maxIndex;
        }

        /**
         * Returns the name of the format: the first word of the format column ({@code dns-name},
         * {@code pve-startup-order}, {@code property}, {@code enum}, ...).
         *
         * @return the format's first word, without a trailing colon
         */
        public String formatName() {
            String first = format.strip().split("[\\s(]", 2)[0];
            return first.endsWith(":") ? first.substring(0, first.length() - 1) : first;
        }

        /**
         * Returns whether the value is a comma-separated property string.
         *
         * @return {@code true} for rootfs, mpN, netN, devN, unusedN and features
         */
        public boolean isPropertyString() {
            return format.startsWith("property string");
        }

        /**
         * Returns the first word of the default column when it is a plain value ({@code 512},
         * {@code amd64}, {@code 0}); empty when the default is a remark such as {@code (unset = ...)}.
         *
         * @return the plain default value
         */
        public Optional<String> plainDefault() {
            return defaultValue.filter(d -> !d.startsWith("(")).map(d -> d.split("\\s", 2)[0]);
        }

        /**
         * Returns the values the API accepts for an enum option ({@code enum: a b c}); the reader does not check them.
         *
         * @return the allowed values, empty if the option is not an enum
         */
        public List<String> enumValues() {
            if (!format.startsWith("enum:")) {
                return List.of();
            }
            return List.of(format.substring("enum:".length()).strip().split("\\s+"));
        }

        /**
         * Returns the smallest value the API accepts ({@code 1-8192}, {@code min 16}); the reader does not check it.
         *
         * @return the minimum, or empty
         */
        public Optional<Long> apiMinimum() {
            Matcher range = RANGE.matcher(format);
            if (range.lookingAt()) {
                return Optional.of(Long.parseLong(range.group(1)));
            }
            Matcher min = MINIMUM.matcher(format);
            return min.lookingAt() ? Optional.of(Long.parseLong(min.group(1))) : Optional.empty();
        }

        /**
         * Returns the largest value the API accepts ({@code 0-6}); the reader does not check it.
         *
         * @return the maximum, or empty
         */
        public Optional<Long> apiMaximum() {
            Matcher range = RANGE.matcher(format);
            return range.lookingAt() ? Optional.of(Long.parseLong(range.group(2))) : Optional.empty();
        }

        /**
         * Returns the name of the property-string table rows of this option ({@code netN}, {@code rootfs}).
         *
         * @return the option column value used in {@code proxmox-property-strings.tsv}
         */
        String formatKey() {
            return indexed ? family + "N" : family;
        }
    }

    /**
     * A sub-key of a property string (a row of {@code proxmox-property-strings.tsv}).
     *
     * <pre>{@code
     * SubKey tag = OptionSchema.proxmox().format("net0").orElseThrow().subKey("tag").orElseThrow();
     * tag.type(); // INTEGER
     * }</pre>
     *
     * @param name         the sub-key
     * @param type         its type
     * @param defaultValue the table's default column, verbatim; empty when blank
     * @param isDefaultKey whether a part without {@code =} is this key's value
     * @param required     whether the table marks it REQUIRED (a missing one is a schema error)
     * @param meaning      the table's meaning column
     */
    public record SubKey(String name, ValueType type, Optional<String> defaultValue, boolean isDefaultKey,
                         boolean required, String meaning) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         */
        public SubKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(defaultValue, "defaultValue");
            Objects.requireNonNull(meaning, "meaning");
        }
    }

    /**
     * The sub-keys of one kind of property string ({@code netN}, {@code mpN}, {@code rootfs},
     * {@code unusedN}, {@code devN}, {@code features}, {@code startup}).
     *
     * <pre>{@code
     * PropertyFormat dev = OptionSchema.proxmox().format("dev0").orElseThrow();
     * dev.defaultKey(); // Optional[path]
     * }</pre>
     *
     * @param name    the option column of the table ({@code netN})
     * @param subKeys the sub-keys in table order
     */
    public record PropertyFormat(String name, List<SubKey> subKeys) {

        /**
         * Checks the components and copies the list.
         *
         * @throws NullPointerException if a component is null
         */
        public PropertyFormat {
            Objects.requireNonNull(name, "name");
            subKeys = List.copyOf(subKeys);
        }

        /**
         * Returns the sub-key whose value a part without {@code =} is.
         *
         * @return the default key, or empty if the format has none ({@code netN}, {@code features})
         */
        public Optional<String> defaultKey() {
            return subKeys.stream().filter(SubKey::isDefaultKey).map(SubKey::name).findFirst();
        }

        /**
         * Returns the definition of a sub-key.
         *
         * @param name the sub-key, exactly as written
         * @return the sub-key, or empty if the format does not define it
         */
        public Optional<SubKey> subKey(String name) {
            return subKeys.stream().filter(s -> s.name().equals(name)).findFirst();
        }
    }

    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
    private static final Pattern MINIMUM = Pattern.compile("min (\\d+)");
    private static final Pattern OPTION_KEY = Pattern.compile("([a-z][a-z_]*)(?:\\[(\\d+)-(\\d+)\\])?");
    private static final String NOT_AN_OPTION = "not in the option table";
    private static final OptionSchema PROXMOX = load();

    private final List<Option> options;
    private final Map<String, PropertyFormat> formats;

    private OptionSchema(List<Option> options, Map<String, PropertyFormat> formats) {
        this.options = List.copyOf(options);
        this.formats = Map.copyOf(formats);
    }

    /**
     * Returns the schema of Proxmox VE container configs, loaded once from the resources.
     *
     * @return the schema
     */
    public static OptionSchema proxmox() {
        return PROXMOX;
    }

    /**
     * Returns every option Proxmox's type check knows, in table order. Rows that are not options
     * (raw {@code lxc.*}, comments, section headers, internal fields, {@code snapstate}) are left out.
     *
     * @return the options
     */
    public List<Option> options() {
        return options;
    }

    /**
     * Returns the option a key names, as Proxmox's {@code check_type} looks it up.
     *
     * <pre>{@code
     * OptionSchema.proxmox().option("unused255").isPresent(); // true
     * OptionSchema.proxmox().option("digest").isPresent();    // false: "unknown setting"
     * }</pre>
     *
     * @param key the key as written
     * @return the option, or empty for an unknown setting
     */
    public Optional<Option> option(String key) {
        for (Option o : options) {
            if (o.matches(key)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * Suggests options close to an unknown key (edit distance), best first: an indexed option is
     * suggested with the key's index ({@code nett0} → {@code net0}).
     *
     * <pre>{@code
     * OptionSchema.proxmox().suggestions("memroy"); // [memory]
     * }</pre>
     *
     * @param key the unknown key
     * @return at most three option keys, possibly none
     */
    public List<String> suggestions(String key) {
        Objects.requireNonNull(key, "key");
        String digits = key.replaceFirst("^.*?([0-9]*)$", "$1");
        java.util.Map<String, Integer> distance = new java.util.HashMap<>();
        int limit = Math.max(1, Math.min(3, key.length() / 3));
        for (Option o : options) {
            String candidate = !o.indexed() ? o.family()
                    : o.family() + (digits.isEmpty() ? String.valueOf(o.minIndex()) : digits);
            if (!o.matches(candidate) || candidate.equals(key)) {
                continue;
            }
            int d = io.github.lxcconf.internal.EditDistance.between(key, candidate, limit);
            if (d <= limit) {
                distance.merge(candidate, d, Math::min);
            }
        }
        return distance.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(3).map(java.util.Map.Entry::getKey).toList();
    }

    /**
     * Returns the property-string format of an option key ({@code net0} → {@code netN}); also
     * {@code startup}, whose own grammar uses the same sub-keys.
     *
     * @param key an option key such as {@code mp3}, {@code rootfs} or {@code features}
     * @return the format, or empty if the option is no property string
     */
    public Optional<PropertyFormat> format(String key) {
        return option(key).map(o -> formats.get(o.formatKey()));
    }

    /**
     * Returns a property-string format by its table name ({@code netN}, {@code rootfs}, ...).
     *
     * @param name the option column of {@code proxmox-property-strings.tsv}
     * @return the format, or empty
     */
    public Optional<PropertyFormat> formatNamed(String name) {
        return Optional.ofNullable(formats.get(name));
    }

    // ------------------------------------------------------------------ loading

    private static OptionSchema load() {
        List<Option> options = new ArrayList<>();
        for (String[] row : table("proxmox-keys.tsv", 5)) {
            Matcher m = OPTION_KEY.matcher(row[0]);
            if (!m.matches() || row[2].contains(NOT_AN_OPTION)) {
                continue; // lxc.*, #..., [sections], internal fields, snapstate
            }
            String type = row[1].toLowerCase(Locale.ROOT);
            if (!type.equals("string") && !type.equals("integer") && !type.equals("number")
                    && !type.equals("boolean")) {
                continue;
            }
            boolean indexed = m.group(2) != null;
            options.add(new Option(row[0], m.group(1), indexed, indexed ? Integer.parseInt(m.group(2)) : 0,
                    indexed ? Integer.parseInt(m.group(3)) : 0, ValueType.of(row[1]), row[2], blankToEmpty(row[3]),
                    row[4]));
        }
        Map<String, List<SubKey>> subKeys = new LinkedHashMap<>();
        for (String[] row : table("proxmox-property-strings.tsv", 6)) {
            if (row[1].startsWith("(")) {
                continue; // "(mp)": a key the table lists as not allowed
            }
            subKeys.computeIfAbsent(row[0], k -> new ArrayList<>()).add(new SubKey(row[1], ValueType.of(row[2]),
                    blankToEmpty(row[3]), row[4].equals("yes"), row[5].startsWith("REQUIRED"), row[5]));
        }
        Map<String, PropertyFormat> formats = new LinkedHashMap<>();
        subKeys.forEach((name, keys) -> formats.put(name, new PropertyFormat(name, keys)));
        return new OptionSchema(options, formats);
    }

    private static Optional<String> blankToEmpty(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** Reads a TSV resource: skips the header, splits on TAB, pads short rows. */
    private static List<String[]> table(String name, int columns) {
        InputStream in = SpecFiles.open(name);
        if (in == null) {
            throw new IllegalStateException("resource missing: " + name);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = i < cells.length ? cells[i] : "";
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
