package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.internal.proxmox.Reports;
import io.github.lxcconf.model.proxmox.OptionSchema.PropertyFormat;
import io.github.lxcconf.model.proxmox.OptionSchema.SubKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Proxmox property-string value ({@code name=eth0,bridge=vmbr0,ip=dhcp},
 * {@code local-lvm:vm-102-disk-0,size=16G}), kept as the ordered list of its
 * comma-separated parts, each with its exact spelling and position.
 *
 * <p>It is read exactly as pve-common's {@code parse_property_string} reads it:
 * split on every comma (there is no quoting or escaping, so a value can never
 * hold a comma), a part {@code key=value} splits at its first {@code =}, a part
 * without {@code =} is the value of the format's default key, blank parts are
 * skipped, nothing is trimmed. Problems are {@linkplain #diagnostics() diagnostics},
 * never exceptions. {@link #with} and {@link #without} change one field and keep
 * every other part, its order and its spelling, so an unedited value prints
 * back exactly as it was read.
 *
 * <pre>{@code
 * PropertyString net = PropertyString.parse("name=eth0,bridge=vmbr0,ip=dhcp",
 *         OptionSchema.proxmox().format("net0").orElseThrow());
 * net.get("bridge");                              // Optional[vmbr0]
 * net.with("ip", "10.0.0.2/24").toValue();        // "name=eth0,bridge=vmbr0,ip=10.0.0.2/24"
 * net.without("bridge").toValue();                // "name=eth0,ip=dhcp"
 * }</pre>
 */
public final class PropertyString {

    /**
     * One comma-separated part of a property string, as written.
     *
     * <pre>{@code
     * Part p = PropertyString.parse("a=1,b=x=y").parts().get(1);
     * p.key();    // Optional[b]
     * p.value();  // "x=y"
     * p.offset(); // 4
     * }</pre>
     *
     * @param text   the part exactly as written, without the commas around it
     * @param offset where the part starts in the whole value, in chars
     */
    public record Part(String text, int offset) {
        private static final Pattern KEYED = Pattern.compile("([^=]+)=(.+)", Pattern.DOTALL);
        private static final Pattern BLANK = Pattern.compile("\\s*");

        /**
         * Checks the components.
         *
         * @throws NullPointerException     if the text is null
         * @throws IllegalArgumentException if the text holds a comma or the offset is negative
         */
        public Part {
            Objects.requireNonNull(text, "text");
            if (text.indexOf(',') >= 0) {
                throw new IllegalArgumentException("a part cannot contain a comma: " + text);
            }
            if (offset < 0) {
                throw new IllegalArgumentException("offset is negative: " + offset);
            }
        }

        /**
         * Returns whether the part is empty or only blanks (Proxmox skips it).
         *
         * @return {@code true} for a blank part
         */
        public boolean isBlank() {
            return BLANK.matcher(text).matches();
        }

        /**
         * Returns whether the part is {@code key=value} with a non-empty key and value.
         *
         * @return {@code true} for a keyed part
         */
        public boolean isKeyed() {
            return !isBlank() && KEYED.matcher(text).matches();
        }

        /**
         * Returns whether the part has no {@code =}: the default key's value.
         *
         * @return {@code true} for a bare value
         */
        public boolean isBare() {
            return !isBlank() && text.indexOf('=') < 0;
        }

        /**
         * Returns whether the part has an {@code =} but no key or no value ({@code bridge=}, {@code =x}).
         *
         * @return {@code true} for a part Proxmox reports as "missing key"
         */
        public boolean isMalformed() {
            return !isBlank() && !isKeyed() && !isBare();
        }

        /**
         * Returns the key of a keyed part: everything before the first {@code =}, blanks included.
         *
         * @return the key, or empty for bare, blank and malformed parts
         */
        public Optional<String> key() {
            return isKeyed() ? Optional.of(text.substring(0, text.indexOf('='))) : Optional.empty();
        }

        /**
         * Returns the value: after the first {@code =} for a keyed part, the whole text for a bare one.
         *
         * @return the value; empty text for blank and malformed parts
         */
        public String value() {
            if (isKeyed()) {
                return text.substring(text.indexOf('=') + 1);
            }
            return isBare() ? text : "";
        }
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String text;
    private final List<Part> parts;
    private final Optional<PropertyFormat> format;
    private final List<Diagnostic> diagnostics;

    private PropertyString(String text, Optional<PropertyFormat> format) {
        this.text = text;
        this.format = format;
        List<Part> list = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            if (comma < 0) {
                list.add(new Part(text.substring(start), start));
                break;
            }
            list.add(new Part(text.substring(start, comma), start));
            start = comma + 1;
        }
        this.parts = List.copyOf(list);
        this.diagnostics = List.copyOf(check());
    }

    /**
     * Parses a property string that follows no schema: there is no default key, so every part
     * needs a key, and any key is allowed.
     *
     * <pre>{@code
     * PropertyString.parse("order=1,up=30").get("up"); // Optional[30]
     * }</pre>
     *
     * @param text the value as written
     * @return the property string; never throws for any text
     */
    public static PropertyString parse(String text) {
        return new PropertyString(Objects.requireNonNull(text, "text"), Optional.empty());
    }

    /**
     * Parses a property string of a known format: its default key takes the part without
     * {@code =}, and its sub-keys are checked as Proxmox checks them when it reads the file.
     *
     * <pre>{@code
     * PropertyFormat mp = OptionSchema.proxmox().format("mp0").orElseThrow();
     * PropertyString.parse("local:vm-1-disk-1,mp=/data", mp).get("volume"); // Optional[local:vm-1-disk-1]
     * }</pre>
     *
     * @param text   the value as written
     * @param format the format, from {@link OptionSchema#format(String)}
     * @return the property string; never throws for any text
     */
    public static PropertyString parse(String text, PropertyFormat format) {
        return new PropertyString(Objects.requireNonNull(text, "text"),
                Optional.of(Objects.requireNonNull(format, "format")));
    }

    // ------------------------------------------------------------------ reading

    /**
     * Returns every part in order, blank ones included; joined with commas they give {@link #toValue()}.
     *
     * @return the parts, never empty (an empty value is one blank part)
     */
    public List<Part> parts() {
        return parts;
    }

    /**
     * Returns the format the value was read with.
     *
     * @return the format, or empty for {@link #parse(String)}
     */
    public Optional<PropertyFormat> format() {
        return format;
    }

    /**
     * Returns the default key: the key of a part without {@code =}.
     *
     * @return the default key, or empty when the format has none
     */
    public Optional<String> defaultKey() {
        return format.flatMap(PropertyFormat::defaultKey);
    }

    /**
     * Returns the value of a key as Proxmox reads it: the first part with this key, or for the
     * default key a bare part. Blanks are part of keys and values ({@code " bridge"} is not {@code "bridge"}).
     *
     * <pre>{@code
     * PropertyString.parse("/dev/dri/renderD128,gid=104", devFormat).get("path"); // Optional[/dev/dri/renderD128]
     * }</pre>
     *
     * @param key the sub-key
     * @return the value as written, or empty if the key is not set
     */
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return indexOf(key).map(i -> parts.get(i).value());
    }

    /**
     * Returns the keys in the order they are written; a bare part counts as the default key. A
     * key written twice is listed twice.
     *
     * @return the keys
     */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            p.key().ifPresent(out::add);
            if (p.isBare()) {
                defaultKey().ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns what is wrong with the value, as Proxmox's parser and schema see it, in part order.
     * Positions are counted in this value: source {@code "<string>"}, line 1, column from 1.
     *
     * @return the diagnostics, empty for a clean value
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Returns the text, exactly as read for an unedited value.
     *
     * @return the value
     */
    public String toValue() {
        return text;
    }

    // ------------------------------------------------------------------ editing

    /**
     * Returns a copy with one key set. An existing part keeps its place (a bare default-key part
     * stays bare); a new default key goes first (where Proxmox prints it); any other new key goes
     * where Proxmox's printer puts it when the parts are in that order already (default key, required
     * keys sorted, the others sorted), else after the last non-blank part. Every other part keeps its text and order. If the key is written
     * twice (which Proxmox refuses), the first part is changed and the later ones are removed.
     *
     * <pre>{@code
     * PropertyString.parse("name=eth0,bridge=vmbr0").with("firewall", "1").toValue(); // "name=eth0,bridge=vmbr0,firewall=1"
     * }</pre>
     *
     * @param key   the sub-key, letters, digits, {@code _ . -}
     * @param value the value, not empty, without comma or line break
     * @return the changed copy, or this when nothing changes
     * @throws IllegalArgumentException if the key or the value cannot be written into a property string
     */
    public PropertyString with(String key, String value) {
        checkKey(key);
        checkValue(value);
        boolean isDefault = defaultKey().filter(key::equals).isPresent();
        // a default-key value containing '=' would read back as a keyed part: write it keyed
        String bareOrKeyed = isDefault && value.indexOf('=') < 0 ? value : key + "=" + value;
        Optional<Integer> at = indexOf(key);
        List<String> texts = texts();
        if (at.isPresent()) {
            int i = at.get();
            Part old = parts.get(i);
            String replacement = old.isBare() && value.indexOf('=') < 0 ? value : key + "=" + value;
            if (replacement.equals(old.text()) && occurrences(key) == 1) {
                return this;
            }
            texts.set(i, replacement);
            for (int j = texts.size() - 1; j > i; j--) {
                if (isPartOf(parts.get(j), key)) {
                    texts.remove(j);
                }
            }
        } else if (isDefault) {
            if (parts.size() == 1 && parts.get(0).text().isEmpty()) {
                texts.set(0, bareOrKeyed);
            } else {
                texts.add(0, bareOrKeyed);
            }
        } else {
            int last = -1;
            for (int j = 0; j < parts.size(); j++) {
                if (!parts.get(j).isBlank()) {
                    last = j;
                }
            }
            if (last < 0 && parts.size() == 1 && parts.get(0).text().isEmpty()) {
                texts.set(0, bareOrKeyed);
            } else {
                texts.add(canonicalPlace(key).orElse(last + 1), bareOrKeyed);
            }
        }
        return new PropertyString(String.join(",", texts), format);
    }

    /**
     * Where Proxmox's printer would put a new key, if the parts are in its order now: the default key's
     * value first, then the required keys sorted, then the others sorted (byte order). Empty when the
     * format is unknown, a part is blank or unknown, or the parts are in another order.
     */
    private Optional<Integer> canonicalPlace(String key) {
        // startup ([order=]N,up=N,down=N) is stored as the API got it, not printed in this order
        if (format.isEmpty() || format.get().name().equals("startup")) {
            return Optional.empty();
        }
        Optional<String> newRank = rank(key);
        if (newRank.isEmpty()) {
            return Optional.empty();
        }
        String previous = "";
        Optional<Integer> place = Optional.empty();
        for (int j = 0; j < parts.size(); j++) {
            Part p = parts.get(j);
            Optional<String> r = p.isBare() ? defaultKey().map(k -> "0") : p.key().flatMap(this::rank);
            if (p.isBlank() || r.isEmpty() || r.get().compareTo(previous) < 0) {
                return Optional.empty();
            }
            previous = r.get();
            if (place.isEmpty() && r.get().compareTo(newRank.get()) > 0) {
                place = Optional.of(j);
            }
        }
        return Optional.of(place.orElse(parts.size()));
    }

    /** A sort key in Proxmox's printing order: "0" the default key, "1name" required, "2name" the others. */
    private Optional<String> rank(String key) {
        PropertyFormat f = format.get();
        return f.subKey(key).map(sub -> sub.isDefaultKey() ? "0" : (sub.required() ? "1" : "2") + sub.name());
    }

    /**
     * Returns a copy without a key (every part that sets it); all other parts keep their text and order.
     *
     * <pre>{@code
     * PropertyString.parse("name=eth0,bridge=vmbr0,ip=dhcp").without("bridge").toValue(); // "name=eth0,ip=dhcp"
     * }</pre>
     *
     * @param key the sub-key
     * @return the changed copy, or this when the key is not set
     */
    public PropertyString without(String key) {
        Objects.requireNonNull(key, "key");
        List<String> texts = new ArrayList<>();
        boolean removed = false;
        for (Part p : parts) {
            if (isPartOf(p, key)) {
                removed = true;
            } else {
                texts.add(p.text());
            }
        }
        if (!removed) {
            return this;
        }
        return new PropertyString(String.join(",", texts), format);
    }

    // ------------------------------------------------------------------ object

    /**
     * Returns whether the other property string has the same text and format.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PropertyString that && text.equals(that.text) && format.equals(that.format);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, format);
    }

    /**
     * Returns the value as text, the same as {@link #toValue()}.
     */
    @Override
    public String toString() {
        return text;
    }

    // ------------------------------------------------------------------ internals

    private List<String> texts() {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.add(p.text()));
        return out;
    }

    private boolean isPartOf(Part p, String key) {
        return p.key().filter(key::equals).isPresent()
                || (p.isBare() && defaultKey().filter(key::equals).isPresent());
    }

    private Optional<Integer> indexOf(String key) {
        for (int i = 0; i < parts.size(); i++) {
            if (isPartOf(parts.get(i), key)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private long occurrences(String key) {
        return parts.stream().filter(p -> isPartOf(p, key)).count();
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key '" + key + "' is not a property-string key:"
                    + " use letters, digits, '_', '.' and '-'");
        }
    }

    private static void checkValue(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("value is empty: Proxmox refuses 'key=' (use without(key))");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',') {
                throw new IllegalArgumentException("value contains a comma at index " + i
                        + ": property strings have no quoting or escaping");
            }
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("value contains a line break at index " + i);
            }
        }
    }

    /** The problems Proxmox's parse_property_string and check_object report, all of them, in part order. */
    private List<Diagnostic> check() {
        List<Diagnostic> out = new ArrayList<>();
        Optional<String> defaultKey = defaultKey();
        Set<String> seen = new HashSet<>();
        boolean bareSeen = false;
        for (Part p : parts) {
            if (p.isBlank()) {
                if (parts.size() > 1) {
                    out.add(Reports.at(text, p.offset(), DiagnosticCode.PVE_EMPTY_PROPERTY_PART,
                            "empty part: Proxmox skips it and drops it when it rewrites the value",
                            "remove the extra comma"));
                }
            } else if (p.isKeyed()) {
                String k = p.key().orElseThrow();
                if (!seen.add(k)) {
                    out.add(Reports.at(text, p.offset(), DiagnosticCode.PVE_MALFORMED_PROPERTY_STRING,
                            "duplicate key in comma-separated list property: " + k,
                            "keep only one '" + k + "='"));
                }
            } else if (p.isBare()) {
                if (defaultKey.isEmpty()) {
                    out.add(Reports.at(text, p.offset(), DiagnosticCode.PVE_MALFORMED_PROPERTY_STRING,
                            "value without key, but schema does not define a default key",
                            "write it as key=value"));
                } else if (bareSeen || !seen.add(defaultKey.get())) {
                    out.add(Reports.at(text, p.offset(), DiagnosticCode.PVE_MALFORMED_PROPERTY_STRING,
                            "duplicate key in comma-separated list property: " + defaultKey.get(),
                            "a property string has only one value without a key"));
                }
                bareSeen = true;
            } else {
                out.add(Reports.at(text, p.offset(), DiagnosticCode.PVE_MALFORMED_PROPERTY_STRING,
                        "missing key in comma-separated list property",
                        "write key=value with both parts, or remove the part"));
            }
        }
        format.ifPresent(f -> checkSchema(f, out));
        out.sort(Reports.IN_LINE_ORDER);
        return out;
    }

    private void checkSchema(PropertyFormat f, List<Diagnostic> out) {
        Set<String> checked = new HashSet<>();
        for (Part p : parts) {
            Optional<String> key = p.key().or(() -> p.isBare() ? f.defaultKey() : Optional.empty());
            if (key.isEmpty() || !checked.add(key.get())) {
                continue; // malformed, blank, or a duplicate already reported
            }
            int valueOffset = p.offset() + (p.isKeyed() ? key.get().length() + 1 : 0);
            Optional<SubKey> sub = f.subKey(key.get());
            if (sub.isEmpty()) {
                out.add(Reports.at(text, p.offset(), DiagnosticCode.PVE_INVALID_PROPERTY, key.get()
                                + ": property is not defined in schema and the schema does not allow additional properties",
                        hintForUnknown(f, key.get())));
                continue;
            }
            SubKeyRules.check(f.name(), sub.get(), p.value()).ifPresent(msg -> out.add(Reports.at(text, valueOffset,
                    DiagnosticCode.PVE_INVALID_PROPERTY, key.get() + ": " + msg, null)));
        }
        for (SubKey sub : f.subKeys()) {
            if (sub.required() && !checked.contains(sub.name())) {
                out.add(Reports.at(text, 0, DiagnosticCode.PVE_INVALID_PROPERTY,
                        sub.name() + ": property is missing and it is not optional",
                        sub.isDefaultKey() ? "add the " + sub.name() + " as the first part"
                                : "add " + sub.name() + "=..."));
            }
        }
    }

    private static String hintForUnknown(PropertyFormat f, String key) {
        String stripped = key.strip();
        if (!stripped.equals(key) && f.subKey(stripped).isPresent()) {
            return "Proxmox does not trim: remove the blanks around '" + stripped + "'";
        }
        List<String> names = f.subKeys().stream().map(SubKey::name).toList();
        return "known keys: " + String.join(", ", names);
    }
}
