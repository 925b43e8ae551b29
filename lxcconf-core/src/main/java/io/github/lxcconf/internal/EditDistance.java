package io.github.lxcconf.internal;

/** Levenshtein distance, for did-you-mean suggestions of keys and names. Not API. */
public final class EditDistance {
    private EditDistance() {
    }

    /**
     * Returns the number of single-character insertions, deletions and substitutions that turn one string
     * into the other, or {@code limit + 1} as soon as the lengths alone differ by more than {@code limit}.
     *
     * @param a     one string
     * @param b     the other
     * @param limit the largest distance of interest
     * @return the distance
     */
    public static int between(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
