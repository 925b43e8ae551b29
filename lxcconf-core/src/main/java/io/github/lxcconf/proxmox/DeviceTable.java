package io.github.lxcconf.proxmox;

import io.github.lxcconf.model.DeviceType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A device table read from text. */
final class DeviceTable implements DeviceLookup {
    static final DeviceLookup SIMULATED = load();

    private record Row(Pattern path, DeviceType type, int major, String minor) {
    }

    private final List<Row> rows;

    private DeviceTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    private static DeviceLookup load() {
        try (InputStream in = DeviceLookup.class.getResourceAsStream("host-devices.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/github/lxcconf/proxmox/host-devices.tsv");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DeviceTable parse(String text) {
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split("[ \t]+", 4);
            if (f.length != 4 || f[1].length() != 1 || !f[2].matches("\\d{1,9}")) {
                throw new IllegalArgumentException("device table line " + number
                        + ": expected PATH-REGEX TYPE MAJOR MINOR, got '" + trimmed + "'");
            }
            int at = number;
            DeviceType type = DeviceType.of(f[1].charAt(0)).filter(t -> t != DeviceType.ALL)
                    .orElseThrow(() -> new IllegalArgumentException("device table line " + at
                            + ": type is c or b, got '" + f[1] + "'"));
            rows.add(new Row(Pattern.compile(f[0]), type, Integer.parseInt(f[2]), f[3].strip()));
        }
        return new DeviceTable(rows);
    }

    @Override
    public Optional<DeviceNode> stat(String path) {
        for (Row row : rows) {
            Matcher m = row.path.matcher(path);
            if (m.find()) {
                long minor = new DeviceMinorExpression(row.minor, m).evaluate();
                return Optional.of(new DeviceNode(row.type, row.major, (int) minor));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "DeviceLookup.table[" + rows.size() + " rows]";
    }
}
