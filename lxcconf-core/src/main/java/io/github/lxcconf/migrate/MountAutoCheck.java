package io.github.lxcconf.migrate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.MountAuto;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionLine;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code lxc.mount.auto} items that a later item of the same category replaces. liblxc merges the
 * items of every {@code lxc.mount.auto} line per category (proc, sys, cgroup, shmounts) and keeps the
 * last one of each (lxc-format.md section 7.5), so the two lines need no merging, but the earlier item
 * has no effect. The migration never writes an {@code lxc.mount.auto} line, so the lines checked are
 * those of the config it started from, each section on its own.
 */
final class MountAutoCheck {
    private record Seen(String text, MountAuto item, int line) {
    }

    private MountAutoCheck() {
    }

    static void check(LxcConfig config, List<Diagnostic> out) {
        Map<MountAuto.Category, Seen> seen = new EnumMap<>(MountAuto.Category.class);
        List<Line> lines = config.lines();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line instanceof SectionLine) {
                seen.clear();
                continue;
            }
            if (!(line instanceof EntryLine e) || !e.key().equals("lxc.mount.auto")) {
                continue;
            }
            if (e.value().isEmpty()) {
                seen.clear(); // an empty value clears every category
                continue;
            }
            for (String text : e.value().trim().split("[ \t]+")) {
                MountAuto item;
                try {
                    item = MountAuto.parse(text);
                } catch (IllegalArgumentException ex) {
                    continue; // validate() reports unknown items
                }
                Seen before = seen.get(item.category());
                if (before != null && !before.item().equals(item)) {
                    String category = item.category().name().toLowerCase(Locale.ROOT);
                    DiagnosticCode code = DiagnosticCode.MIG_MOUNT_AUTO_OVERRIDDEN;
                    out.add(new Diagnostic(code.defaultSeverity(), code, "lxc.mount.auto item " + text + " replaces "
                            + before.text() + (before.line() == i + 1 ? " earlier on this line" : " of line "
                            + before.line()) + ": liblxc keeps the last " + category + " item, so " + before.text()
                            + " has no effect",
                            Optional.of("remove " + before.text() + (before.line() == i + 1 ? "" : " from line "
                                    + before.line()) + ", or remove " + text + " if " + before.text()
                                    + " is what the container needs"),
                            config.sourceName(), i + 1, e.valueColumn()));
                }
                seen.put(item.category(), new Seen(text, item, i + 1));
            }
        }
    }
}
