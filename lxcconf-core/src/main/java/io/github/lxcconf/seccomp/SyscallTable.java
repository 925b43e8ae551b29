package io.github.lxcconf.seccomp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The system call numbers libseccomp resolves per architecture, read from {@code syscalls.tsv}, which
 * {@code src/main/scripts/seccomp-syscalls.sh} makes with libseccomp itself (liblxc resolves every rule's
 * name with libseccomp, so its table is the one that decides).
 */
final class SyscallTable {
    private static final String RESOURCE = "syscalls.tsv";
    private static final SyscallTable INSTANCE = load();

    private final Map<SeccompArch, Map<String, Integer>> byName;
    private final Map<SeccompArch, Map<Integer, String>> byNumber;
    private final Set<String> allNames;
    private final String origin;

    private SyscallTable(Map<SeccompArch, Map<String, Integer>> byName, Set<String> allNames, String origin) {
        this.byName = byName;
        this.allNames = allNames;
        this.origin = origin;
        this.byNumber = new EnumMap<>(SeccompArch.class);
        byName.forEach((arch, names) -> {
            Map<Integer, String> numbers = new HashMap<>();
            names.forEach((n, nr) -> numbers.putIfAbsent(nr, n));
            byNumber.put(arch, Collections.unmodifiableMap(numbers));
        });
    }

    static SyscallTable get() {
        return INSTANCE;
    }

    /** Returns the number of the call on the architecture, or -1 where libseccomp has no such call there. */
    int number(SeccompArch arch, String name) {
        return byName.get(arch).getOrDefault(name, -1);
    }

    /** Returns the name of a call number on the architecture, or null. */
    String name(SeccompArch arch, int number) {
        return byNumber.get(arch).get(number);
    }

    /** Returns whether libseccomp knows the name on any architecture. */
    boolean known(String name) {
        return allNames.contains(name);
    }

    /** Returns every name libseccomp knows. */
    Set<String> names() {
        return allNames;
    }

    int size(SeccompArch arch) {
        return byName.get(arch).size();
    }

    /** Returns the table's first comment line: which libseccomp made it. */
    String origin() {
        return origin;
    }

    private static SyscallTable load() {
        try (InputStream in = Objects.requireNonNull(SyscallTable.class.getResourceAsStream(RESOURCE), RESOURCE);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String origin = "";
            SeccompArch[] columns = null;
            Map<SeccompArch, Map<String, Integer>> byName = new EnumMap<>(SeccompArch.class);
            for (SeccompArch a : SeccompArch.values()) {
                byName.put(a, new HashMap<>());
            }
            Map<String, Boolean> names = new LinkedHashMap<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    if (origin.isEmpty()) {
                        origin = line.substring(1).trim();
                    }
                    continue;
                }
                String[] cells = line.split("\t");
                if (columns == null) {
                    columns = new SeccompArch[cells.length];
                    for (int i = 1; i < cells.length; i++) {
                        String cell = cells[i];
                        columns[i] = SeccompArch.ofSection(cell).orElseThrow(
                                () -> new IllegalStateException(RESOURCE + ": unknown column " + cell));
                    }
                    continue;
                }
                names.put(cells[0], true);
                for (int i = 1; i < cells.length; i++) {
                    if (!cells[i].equals("-")) {
                        byName.get(columns[i]).put(cells[0], Integer.parseInt(cells[i]));
                    }
                }
            }
            byName.replaceAll((a, m) -> Collections.unmodifiableMap(m));
            return new SyscallTable(byName, Collections.unmodifiableSet(names.keySet()), origin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
