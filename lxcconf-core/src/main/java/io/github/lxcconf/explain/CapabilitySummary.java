package io.github.lxcconf.explain;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.IncludedFile;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The capability part of the summary: which capabilities the defaults drop (LXC's common.conf, the files
 * Proxmox includes, or the files this config includes when they were resolved), and what this config's own
 * {@code lxc.cap.drop} / {@code lxc.cap.keep} lines add to or remove from them.
 *
 * <p>{@code lxc.cap.drop} and {@code lxc.cap.keep} share one list (lxc-format.md 7.2): drop lines add to it,
 * keep lines add to it in keep mode, an empty value of either clears the list and the mode, and
 * {@code none} in {@code lxc.cap.keep} empties the list.
 */
final class CapabilitySummary {

    /**
     * The capabilities LXC's standard common.conf drops: the line
     * {@code lxc.cap.drop = mac_admin mac_override sys_time sys_module sys_rawio} of
     * {@code config/templates/common.conf.in}, the same in LXC 6.0.6 and on main (test corpus:
     * {@code corpus/lxc/lxc-upstream/v6.0.6/templates/common.conf} and {@code head/templates/common.conf},
     * line 13). Its {@code userns.conf} (same corpus folders; lines 14-15 in 6.0.6, 9-10 on main) clears the list again
     * ({@code lxc.cap.drop =}, {@code lxc.cap.keep =}). The distribution configs Proxmox includes
     * ({@code <ostype>.common.conf}, proxmox-format.md section 10) include this common.conf (lxc-templates
     * corpus, line 2). Used only to say what usually applies when the includes were not read.
     */
    static final String LXC_COMMON_CONF_DROPS = "mac_admin, mac_override, sys_time, sys_module and sys_rawio";

    /** The shared list after a sequence of cap lines. */
    private static final class State {
        boolean keep;
        final LinkedHashSet<String> names = new LinkedHashSet<>();
        int clearedAt; // line of the last empty value, 0 if none
        String clearedWhere = "";
        String clearedKey = "";
        final List<String> lines = new ArrayList<>();
        /** Each name in the list, with the file (empty for the config's own lines) and line that named it last. */
        final Map<String, CapabilitySetting> settings = new HashMap<>();

        void apply(String key, String value, int line, String where) {
            apply(key, value, line, where, Optional.empty());
        }

        void apply(String key, String value, int line, String where, Optional<String> file) {
            String v = value.strip();
            if (v.isEmpty()) {
                keep = false;
                names.clear();
                settings.clear();
                lines.clear();
                clearedAt = line;
                clearedWhere = where;
                clearedKey = key;
                return;
            }
            boolean keepLine = key.equals("lxc.cap.keep");
            boolean used = false;
            for (String token : v.split("[ \t]+")) {
                if (keepLine && token.equals("none")) {
                    names.clear();
                    settings.clear();
                    used = true;
                } else {
                    Optional<Capability> cap = Capability.ofWord(token);
                    if (cap.isPresent()) {
                        names.add(cap.get().lxcName());
                        settings.put(cap.get().lxcName(), new CapabilitySetting(cap.get(), keepLine, file, line));
                        used = true;
                    }
                }
            }
            if (used) {
                if (keepLine != keep) {
                    // a keep line after drop lines, or a drop line after keep lines, turns the whole list over
                    settings.replaceAll((name, set) -> new CapabilitySetting(set.capability(), keepLine,
                            set.includedFile(), set.line()));
                }
                keep = keepLine;
                lines.add(where);
            }
        }
    }

    private CapabilitySummary() {
    }

    /** The summary items. */
    static List<String> items(LxcConfig config, boolean unprivileged, Optional<EffectiveConfig> effective) {
        List<String> out = new ArrayList<>();
        boolean proxmox = config.dialect() == Dialect.PROXMOX;
        State own = new State();
        List<String> includes = new ArrayList<>();
        List<Line> lines = config.lines();
        for (int i = 0; i < lines.size() && !(lines.get(i) instanceof SectionLine); i++) {
            if (lines.get(i) instanceof EntryLine e) {
                if (e.key().equals("lxc.cap.drop") || e.key().equals("lxc.cap.keep")) {
                    own.apply(e.key(), e.value(), i + 1, "line " + (i + 1));
                } else if (e.key().equals("lxc.include")) {
                    includes.add(e.value());
                }
            }
        }
        Optional<State> defaults = effective.map(CapabilitySummary::included);
        if (defaults.isPresent()) {
            State d = defaults.get();
            if (d.names.isEmpty()) {
                out.add(d.keep ? "the included files keep no capability: every one is dropped"
                        : "the included files drop no capability" + (d.clearedAt > 0
                        ? " (" + d.clearedWhere + " clears the list)" : ""));
            } else {
                out.add("the included files " + (d.keep ? "keep only: " : "drop: ") + String.join(", ", d.names)
                        + " (" + String.join(", ", d.lines) + ")");
            }
        } else if (proxmox) {
            String ostype = config.proxmox().ostype().filter(o -> !o.equals("unmanaged"))
                    .map(o -> o + ".common.conf").orElse("<ostype>.common.conf");
            out.add("defaults: when it starts the container, Proxmox includes /usr/share/lxc/config/" + ostype
                    + ", which includes LXC's common.conf; that file drops " + LXC_COMMON_CONF_DROPS
                    + (unprivileged ? "; for an unprivileged container Proxmox also includes userns.conf, which"
                    + " clears that list again (root keeps every capability inside its user namespace, which"
                    + " is what confines it)" : ""));
        } else if (includes.isEmpty()) {
            out.add("defaults: none; this config includes no other file, and liblxc itself drops no capability");
        } else {
            out.add("defaults: whatever the lxc.include lines pull in (" + String.join(", ", includes)
                    + "), not read here; usually a distribution config that includes LXC's common.conf, which"
                    + " drops " + LXC_COMMON_CONF_DROPS + " (an unprivileged container's userns.conf clears that"
                    + " list again)");
        }
        boolean defaultsDrop = defaults.map(d -> !d.keep && !d.names.isEmpty()).orElse(proxmox && !unprivileged);
        if (own.clearedAt == 0 && own.lines.isEmpty()) {
            out.add("this config adds nothing to the defaults and removes nothing from them");
            return out;
        }
        Set<String> defaultNames = defaults.filter(d -> !d.keep).map(d -> d.names).orElse(new LinkedHashSet<>());
        if (own.clearedAt > 0) {
            Set<String> restored = new LinkedHashSet<>(defaultNames);
            if (!own.keep) {
                restored.removeAll(own.names);
            }
            out.add("line " + own.clearedAt + " (" + own.clearedKey + " =) clears the list: the"
                    + " container keeps every capability the defaults would drop"
                    + (defaults.isPresent() ? restored.isEmpty() ? " (here: none)"
                    : ": " + String.join(", ", restored) : ""));
        }
        if (own.names.isEmpty() && own.keep) {
            out.add("keeps no capability (lxc.cap.keep = none): every one is dropped (" + String.join(", ", own.lines)
                    + ")");
        } else if (own.keep) {
            out.add("keeps only: " + String.join(", ", own.names) + "; every other capability is dropped ("
                    + String.join(", ", own.lines) + ")");
            if (own.clearedAt == 0 && defaultsDrop) {
                out.add("liblxc refuses lxc.cap.keep after the lxc.cap.drop list of the defaults (\"Keeping and"
                        + " dropping capabilities are mutually exclusive\"); an empty 'lxc.cap.drop =' line before"
                        + " it clears that list");
            }
        } else if (!own.names.isEmpty()) {
            Set<String> added = new LinkedHashSet<>(own.names);
            Set<String> already = new LinkedHashSet<>(own.names);
            if (own.clearedAt == 0) {
                added.removeAll(defaultNames);
                already.retainAll(defaultNames);
            } else {
                already.clear();
            }
            if (!added.isEmpty()) {
                out.add((own.clearedAt > 0 ? "then drops: " : "drops in addition: ") + String.join(", ", added)
                        + " (" + String.join(", ", own.lines) + ")");
            }
            if (!already.isEmpty()) {
                out.add("drops again what the defaults already drop: " + String.join(", ", already));
            }
        }
        return out;
    }

    /**
     * The list the container ends up with, one element per capability in the order the lines name them:
     * the included files' lines when they were read, then this config's own lines (the order the summary
     * items describe). Defaults that were not read are not in it.
     */
    static List<CapabilitySetting> settings(LxcConfig config, Optional<EffectiveConfig> effective) {
        State state = effective.map(CapabilitySummary::included).orElseGet(State::new);
        List<Line> lines = config.lines();
        for (int i = 0; i < lines.size() && !(lines.get(i) instanceof SectionLine); i++) {
            if (lines.get(i) instanceof EntryLine e
                    && (e.key().equals("lxc.cap.drop") || e.key().equals("lxc.cap.keep"))) {
                state.apply(e.key(), e.value(), i + 1, "line " + (i + 1));
            }
        }
        return state.names.stream().map(state.settings::get).toList();
    }

    /** The capabilities the included files leave dropped (none when they end in keep mode). */
    static List<String> includedDrops(EffectiveConfig effective) {
        State d = included(effective);
        return d.keep ? List.of() : List.copyOf(d.names);
    }

    /** The shared list the included files leave, their lines in reading order. */
    private static State included(EffectiveConfig effective) {
        State d = new State();
        for (IncludedFile file : effective.files()) {
            if (file.depth() == 0) {
                continue;
            }
            List<Line> lines = file.config().lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) instanceof EntryLine e
                        && (e.key().equals("lxc.cap.drop") || e.key().equals("lxc.cap.keep"))) {
                    String name = file.path().map(p -> p.getFileName() == null ? p.toString()
                            : p.getFileName().toString()).orElse(file.config().sourceName());
                    d.apply(e.key(), e.value(), i + 1, name + " line " + (i + 1),
                            Optional.of(file.path().map(Path::toString).orElse(file.config().sourceName())));
                }
            }
        }
        return d;
    }
}
