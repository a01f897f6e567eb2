package org.conex.runtime.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean" hints: known names within a small edit distance of a misspelt one. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * Known names equal ignoring case or within edit distance 2 (3 for names longer than 8), best
     * first.
     */
    public static List<String> close(String name, Collection<String> known) {
        List<String> out = new ArrayList<>();
        String n = name.toLowerCase(Locale.ROOT);
        int limit = n.length() > 8 ? 3 : 2;
        for (int d = 0; d <= limit; d++) {
            for (String k : known) {
                if (distance(k.toLowerCase(Locale.ROOT), n) == d && !out.contains(k)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** {@code " (did you mean a or b?)"}, or an empty text when nothing is close. */
    public static String hint(String name, Collection<String> known) {
        List<String> c = close(name, known);
        if (c.isEmpty()) {
            return "";
        }
        return " (did you mean " + String.join(" or ", c.subList(0, Math.min(3, c.size()))) + "?)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
