package org.conex.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.conex.api.ConexException;

/** A model names a behavior, structure or helper that no installed provider offers. */
public class UnknownProviderException extends ConexException {
    private static final long serialVersionUID = 1L;
    private final String name;

    public UnknownProviderException(String what, String name, Collection<String> known) {
        super("unknown " + what + " '" + name + "'" + suggestion(name, known) + "; installed: " + known);
        this.name = name;
    }

    /** The unknown name. */
    public String name() {
        return name;
    }

    private static String suggestion(String name, Collection<String> known) {
        List<String> close = new ArrayList<>();
        for (String k : known) {
            if (k.equalsIgnoreCase(name) || distance(k.toLowerCase(), name.toLowerCase()) <= 2) {
                close.add(k);
            }
        }
        return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
    }

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
