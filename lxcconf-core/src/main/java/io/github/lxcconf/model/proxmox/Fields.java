package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.internal.proxmox.Checks;
import io.github.lxcconf.model.proxmox.OptionSchema.PropertyFormat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Typed reads of property-string fields, with the defaults of the tables. Not API. */
final class Fields {
    private Fields() {
    }

    static PropertyFormat format(String key) {
        return OptionSchema.proxmox().format(key)
                .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is not a Proxmox property-string option"));
    }

    /** A boolean field as Proxmox reads it; an unset or ill-typed field gives the table's default. */
    static boolean flag(PropertyString value, String key) {
        return value.get(key).flatMap(Checks::parseBoolean).orElseGet(() -> tableDefault(value, key));
    }

    /** A boolean field that has no default (unset means "leave it to the file system"). */
    static Optional<Boolean> optionalFlag(PropertyString value, String key) {
        return value.get(key).flatMap(Checks::parseBoolean);
    }

    /** The table's default of a boolean sub-key: its plain value, else off ("(unset = off)"). */
    private static boolean tableDefault(PropertyString value, String key) {
        return value.format().flatMap(f -> f.subKey(key)).flatMap(OptionSchema.SubKey::defaultValue)
                .map(d -> d.split("\\s", 2)[0]).flatMap(Checks::parseBoolean).orElse(false);
    }

    /** The table's default of a sub-key, when it is a plain value ({@code 0660}, {@code veth}). */
    static String plainDefault(PropertyString value, String key, String fallback) {
        return value.format().flatMap(f -> f.subKey(key)).flatMap(OptionSchema.SubKey::defaultValue)
                .filter(d -> !d.startsWith("(")).map(d -> d.split("\\s", 2)[0]).orElse(fallback);
    }

    /** An integer field as the schema reads it ({@code [+-]?digits}); empty if unset, ill-typed or too large. */
    static Optional<Integer> integer(PropertyString value, String key) {
        return value.get(key).filter(Checks::isPerlInteger).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v.startsWith("+") ? v.substring(1) : v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A ';'-separated list field; empty items are dropped. */
    static List<String> list(PropertyString value, String key) {
        return value.get(key).map(v -> Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    /** The index of an indexed key such as {@code net7}, checked against the schema. */
    static String indexedKey(String family, int index) {
        String key = family + index;
        if (index < 0 || OptionSchema.proxmox().option(key).isEmpty()) {
            throw new IllegalArgumentException("'" + key + "' is not a Proxmox option");
        }
        return key;
    }
}
