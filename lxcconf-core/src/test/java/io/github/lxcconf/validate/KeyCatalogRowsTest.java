package io.github.lxcconf.validate;

import io.github.lxcconf.internal.SpecFiles;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KeyCatalogRows holds the key tables as Java arrays, so that the catalogue costs no table reading when a short
 * run starts. It is made from the tables by this test: run with {@code -Dkeycatalog.update=true} after a table
 * changed, and review the diff.
 */
class KeyCatalogRowsTest {
    private static final boolean UPDATE = Boolean.getBoolean("keycatalog.update");
    private static final Path SOURCE = Path.of("src/main/java/io/github/lxcconf/validate/KeyCatalogRows.java");

    @Test
    void theRowsAreThoseOfTheTables() throws IOException {
        String expected = source();
        if (UPDATE) {
            Files.writeString(SOURCE, expected);
        }
        assertThat(Files.readString(SOURCE))
                .as("%s is made from the tables: rerun with -Dkeycatalog.update=true", SOURCE)
                .isEqualTo(expected);
    }

    @Test
    void everyRowOfTheTablesIsInTheCatalogue() throws IOException {
        assertThat(KeyCatalogRows.KEYS).containsExactly(flat(read("lxc-keys.tsv")));
        assertThat(KeyCatalogRows.LEGACY).containsExactly(flat(read("lxc-legacy-keys.tsv")));
        assertThat(KeyCatalogRows.PROXMOX).containsExactly(flat(read("proxmox-raw-lxc-keys.tsv")));
        assertThat(KeyCatalog.standard().exactKeys()).contains("lxc.uts.name", "lxc.mount.entry");
    }

    static String source() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("package io.github.lxcconf.validate;\n\n")
                .append("/**\n")
                .append(" * The rows of the key tables, {@code lxc-keys.tsv}, {@code lxc-legacy-keys.tsv} and\n")
                .append(" * {@code proxmox-raw-lxc-keys.tsv}, " + KeyCatalogRows.COLUMNS
                        + " cells a row, each cell stripped: made from the tables by\n")
                .append(" * KeyCatalogRowsTest ({@code -Dkeycatalog.update=true}), not by hand. {@link KeyCatalog} reads\n")
                .append(" * these instead of the tables, which costs a short run of lint or explain nothing.\n")
                .append(" */\n")
                .append("final class KeyCatalogRows {\n")
                .append("    /** Cells a row. */\n")
                .append("    static final int COLUMNS = ").append(KeyCatalogRows.COLUMNS).append(";\n");
        array(out, "KEYS", "lxc-keys.tsv");
        array(out, "LEGACY", "lxc-legacy-keys.tsv");
        array(out, "PROXMOX", "proxmox-raw-lxc-keys.tsv");
        out.append("\n    private KeyCatalogRows() {\n    }\n}\n");
        return out.toString();
    }

    private static void array(StringBuilder out, String name, String table) throws IOException {
        out.append("\n    /** The rows of {@code ").append(table).append("}. */\n");
        out.append("    static final String[] ").append(name).append(" = {\n");
        for (String[] row : read(table)) {
            out.append("        ");
            for (int i = 0; i < row.length; i++) {
                out.append(i == 0 ? "" : ", ").append(literal(row[i]));
            }
            out.append(",\n");
        }
        out.append("    };\n");
    }

    private static String[] flat(List<String[]> rows) {
        return rows.stream().flatMap(Arrays::stream).toArray(String[]::new);
    }

    /** The table's rows after the header, blank lines left out, cells stripped, missing cells empty. */
    static List<String[]> read(String name) throws IOException {
        try (InputStream in = SpecFiles.open(name)) {
            assertThat(in).as(name).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = Arrays.copyOf(line.split("\t", -1), KeyCatalogRows.COLUMNS);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i] == null ? "" : cells[i].strip();
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    /** A Java string literal, ASCII only. */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
