package io.github.lxcconf.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;

/** Unified diffs of two versions of a config, as {@code diff -u} and {@code git diff} print them. */
final class Diffs {
    static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\n\\ No newline at end of file";

    private Diffs() {
    }

    /**
     * Returns the diff lines ({@code --- a/NAME}, {@code +++ b/NAME}, hunks), or an empty list when
     * the texts are equal. A last line without a line end is marked as {@code diff} marks it.
     */
    static List<String> unified(String name, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return List.of();
        }
        String path = name.replaceFirst("^/+", "");
        return UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, CONTEXT);
    }

    /** Splits text after each LF; a CR before it stays part of the line. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            if (lf < 0) {
                out.add(text.substring(start) + NO_NEWLINE);
                break;
            }
            out.add(text.substring(start, lf));
            start = lf + 1;
        }
        return out;
    }

    /** Prints a diff, one line each. */
    static void print(Context context, List<String> diff) {
        for (String line : diff) {
            context.out.print(line);
            context.out.print('\n');
        }
        context.out.flush();
    }
}
