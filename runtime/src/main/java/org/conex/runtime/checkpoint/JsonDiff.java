package org.conex.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Lists the paths where two JSON trees differ, as {@code path: checkpoint X, model Y}. */
final class JsonDiff {
    private JsonDiff() {
    }

    static List<String> diff(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        diff("", a, b, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
            if (!(isAbsent(a) && isAbsent(b))) {
                out.add(show(path) + ": checkpoint " + text(a) + ", model " + text(b));
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                diff(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size() && !isNumeric(a)) {
                out.add(show(path) + ": checkpoint has " + a.size() + " entries, model " + b.size());
            }
            if (a.size() != b.size() && isNumeric(a)) {
                out.add(show(path) + ": checkpoint " + text(a) + ", model " + text(b));
                return;
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        if (a.isNumber() && b.isNumber() ? a.asDouble() != b.asDouble() : !a.equals(b)) {
            out.add(show(path) + ": checkpoint " + text(a) + ", model " + text(b));
        }
    }

    private static boolean isAbsent(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull();
    }

    private static boolean isNumeric(JsonNode a) {
        Iterator<JsonNode> it = a.elements();
        return it.hasNext() && it.next().isNumber();
    }

    private static String show(String path) {
        return path.isEmpty() ? "$" : path;
    }

    private static String text(JsonNode n) {
        if (isAbsent(n)) {
            return "(absent)";
        }
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
