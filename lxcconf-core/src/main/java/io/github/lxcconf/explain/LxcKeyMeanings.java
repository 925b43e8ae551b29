package io.github.lxcconf.explain;

import io.github.lxcconf.internal.SpecFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The meaning column of lxc-keys.tsv, looked up by key. */
final class LxcKeyMeanings {

    private record Row(String key, Pattern pattern, boolean prefix, String meaning) {
    }

    private static final List<Row> ROWS = load();

    /** Meanings already looked up, by key; bounded, since a config may use any number of distinct keys. */
    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 4096;

    private LxcKeyMeanings() {
    }

    /** Returns the table's meaning of a key: an exact or pattern row first, then the longest prefix row. */
    static Optional<String> meaning(String key) {
        Optional<String> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> found = lookup(key);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, found);
        }
        return found;
    }

    private static Optional<String> lookup(String key) {
        Row best = null;
        for (Row row : ROWS) {
            if (!row.prefix() && row.pattern().matcher(key).matches()) {
                return Optional.of(row.meaning());
            }
            if (row.prefix() && (key.equals(row.key()) || key.startsWith(row.key().endsWith(".") ? row.key() : row.key() + "."))
                    && (best == null || row.key().length() > best.key().length())) {
                best = row;
            }
        }
        return Optional.ofNullable(best).map(Row::meaning);
    }

    private static List<Row> load() {
        try (InputStream in = SpecFiles.open("lxc-keys.tsv")) {
            if (in == null) {
                throw new IllegalStateException("lxc-keys.tsv is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            String header = reader.readLine();
            if (header == null || !header.startsWith("key_or_prefix\tkind\tvalue_grammar\tmeaning")) {
                throw new IllegalStateException("unexpected lxc-keys.tsv header: " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cols = line.split("\t", -1);
                if (cols.length < 4 || cols[0].isBlank()) {
                    continue;
                }
                String key = cols[0];
                String regex = Pattern.quote(key).replace("<N>", "\\E[0-9]+\\Q");
                rows.add(new Row(key, Pattern.compile(regex), cols[1].equals("prefix"), cols[3].strip()));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
