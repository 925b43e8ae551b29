package io.github.lxcconf.migrate;

import io.github.lxcconf.internal.SpecFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The legacy key table ({@code lxc-legacy-keys.tsv}): plain renames, prefix renames, removed keys and
 * the sub-key renames of unindexed {@code lxc.network.*} keys.
 */
final class LegacyKeys {
    /** Old exact key to new key ({@code lxc.utsname} to {@code lxc.uts.name}). */
    static final Map<String, String> RENAMES = new HashMap<>();
    /** Old key prefix to new prefix ({@code lxc.limit.} to {@code lxc.prlimit.}). */
    static final Map<String, String> PREFIX_RENAMES = new HashMap<>();
    /** Keys deleted without a replacement. */
    static final Set<String> REMOVED = new HashSet<>();
    /** Network sub-key renames ({@code ipv4} to {@code ipv4.address}). */
    static final Map<String, String> NETWORK_SUBKEYS = new HashMap<>();
    /** The TSV's notes, by old key. */
    static final Map<String, String> LAST_ACCEPTED = new HashMap<>();

    static final String NETWORK = "lxc.network";
    static final String NETWORK_TYPE = "lxc.network.type";
    static final String ROOTFS = "lxc.rootfs";
    static final String ROOTFS_BACKEND = "lxc.rootfs.backend";

    static {
        try (InputStream in = SpecFiles.open("lxc-legacy-keys.tsv")) {
            if (in == null) {
                throw new IllegalStateException("lxc-legacy-keys.tsv missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine(); // header
            for (String row = r.readLine(); row != null; row = r.readLine()) {
                String[] f = row.split("\t", -1);
                if (f.length < 4) {
                    continue;
                }
                String oldKey = f[0].trim();
                String newKey = f[1].trim();
                LAST_ACCEPTED.put(oldKey, f[3].trim());
                if (oldKey.startsWith("lxc.cgroup") || oldKey.contains(" ")) {
                    continue; // cgroup v1 is its own migration; lxc.environment is still valid
                }
                if (newKey.equals("(removed)")) {
                    REMOVED.add(oldKey);
                } else if (oldKey.startsWith(NETWORK + ".") && newKey.startsWith("lxc.net.<i>.")) {
                    NETWORK_SUBKEYS.put(oldKey.substring(NETWORK.length() + 1),
                            newKey.substring("lxc.net.<i>.".length()));
                } else if (oldKey.startsWith(NETWORK + ".<N>")) {
                    continue; // indexed network keys: same sub-key renames, index kept
                } else if (oldKey.endsWith(".<resource>") && newKey.endsWith(".<resource>")) {
                    PREFIX_RENAMES.put(oldKey.substring(0, oldKey.length() - "<resource>".length()),
                            newKey.substring(0, newKey.length() - "<resource>".length()));
                } else if (!oldKey.contains("<") && !newKey.contains("<")) {
                    RENAMES.put(oldKey, newKey);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        REMOVED.remove(ROOTFS_BACKEND); // folded into lxc.rootfs.path, then deleted: handled on its own
    }

    private LegacyKeys() {
    }

    /** The new network sub-key for an old one: {@code ipv4} becomes {@code ipv4.address}. */
    static String networkSubkey(String sub) {
        return NETWORK_SUBKEYS.getOrDefault(sub, sub);
    }

    /** Why a key was renamed, for a change's reason. */
    static String since(String oldKey) {
        String last = LAST_ACCEPTED.getOrDefault(oldKey, "");
        int paren = last.indexOf(" (");
        return paren > 0 ? last.substring(0, paren) : last;
    }
}
