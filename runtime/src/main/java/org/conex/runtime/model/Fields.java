package org.conex.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed reading of JSON fields that records a {@link ModelProblem} (with the field's path, what was
 * expected and what was found) instead of throwing, so one pass over a file finds every mistake.
 * Getters return null when the field is absent or wrong.
 */
final class Fields {
    /** Tags and names: a letter or underscore, then letters, digits, {@code _}, {@code -}; at most 64. */
    static final Pattern TAG = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,63}");

    private final List<ModelProblem> problems;

    Fields(List<ModelProblem> problems) {
        this.problems = problems;
    }

    void problem(String path, String message) {
        problems.add(new ModelProblem(path, message));
    }

    List<ModelProblem> problems() {
        return problems;
    }

    static String at(String path, String key) {
        return "$".equals(path) ? key : path + "." + key;
    }

    static String at(String path, int index) {
        return path + "[" + index + "]";
    }

    /** True if {@code n} is an object; otherwise records "expected ... found ...". */
    boolean object(JsonNode n, String path, String what) {
        if (n != null && n.isObject()) {
            return true;
        }
        problem(path, "expected " + what + ", found " + Json.describe(n));
        return false;
    }

    /** Records every key of {@code obj} that is not in {@code allowed}, with a did-you-mean hint. */
    void onlyKeys(JsonNode obj, String path, Collection<String> allowed, String hintForOthers) {
        Iterator<String> it = obj.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                String hint = Suggestions.hint(k, allowed);
                problem(at(path, k), "unknown key '" + k + "'" + hint + "; expected one of " + allowed
                        + (hint.isEmpty() && hintForOthers != null ? "; " + hintForOthers : ""));
            }
        }
    }

    /** The boolean at {@code key}, or null if absent; a problem (and null) if it is not true/false. */
    Boolean bool(JsonNode obj, String path, String key) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            problem(at(path, key), "expected true or false, found " + Json.describe(v));
            return null;
        }
        return v.booleanValue();
    }

    /** An optional text field. */
    String text(JsonNode obj, String path, String key) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            problem(at(path, key), "expected a text, found " + Json.describe(n));
            return null;
        }
        return n.asText();
    }

    /** A required text field. */
    String requiredText(JsonNode obj, String path, String key, String example) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            problem(at(path, key), "is required: expected a text such as " + example + ", found nothing");
            return null;
        }
        return text(obj, path, key);
    }

    /** A tag (identifier); {@code required} decides whether absence is a problem. */
    String tag(JsonNode obj, String path, String key, boolean required) {
        String t = required ? requiredText(obj, path, key, "\"exc\"") : text(obj, path, key);
        if (t != null && !TAG.matcher(t).matches()) {
            problem(at(path, key), "expected a name of letters, digits, '_' or '-' starting with a letter (at most 64"
                    + " characters), found \"" + t + "\"");
            return null;
        }
        return t;
    }

    /** An optional number; NaN and infinities are refused. */
    Double number(JsonNode obj, String path, String key) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            problem(at(path, key), "expected a number, found " + Json.describe(n));
            return null;
        }
        double d = n.asDouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            problem(at(path, key), "expected a finite number, found " + n.asText());
            return null;
        }
        return d;
    }

    /** An optional integer in [min, max]. */
    Long integer(JsonNode obj, String path, String key, long min, long max) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        return integer(n, at(path, key), min, max);
    }

    /** An integer value in [min, max]. */
    Long integer(JsonNode n, String path, long min, long max) {
        if (!n.isNumber()) {
            problem(path, "expected an integer" + range(min, max) + ", found " + Json.describe(n));
            return null;
        }
        if (!n.isIntegralNumber() && n.asDouble() != Math.rint(n.asDouble())) {
            problem(path, "expected an integer" + range(min, max) + ", found the fraction " + n.asText());
            return null;
        }
        if (!n.canConvertToLong() || !Double.isFinite(n.asDouble())) {
            problem(path, "expected an integer" + range(min, max) + ", found " + n.asText() + ", which is too large");
            return null;
        }
        long v = n.isIntegralNumber() ? n.asLong() : (long) n.asDouble();
        if (v < min || v > max) {
            problem(path, "expected an integer" + range(min, max) + ", found " + v);
            return null;
        }
        return v;
    }

    private static String range(long min, long max) {
        boolean noMax = max >= Long.MAX_VALUE / 2;
        if (min == Long.MIN_VALUE) {
            return noMax ? "" : " <= " + max;
        }
        return noMax ? " >= " + min : " between " + min + " and " + max;
    }

    /** A list of texts (a single text is accepted as a list of one); null if absent. */
    List<String> texts(JsonNode obj, String path, String key) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            problem(at(path, key), "expected a list of texts, found " + Json.describe(n));
            return null;
        }
        int i = 0;
        for (JsonNode e : n) {
            if (e.isTextual()) {
                out.add(e.asText());
            } else {
                problem(at(at(path, key), i), "expected a text, found " + Json.describe(e));
            }
            i++;
        }
        return out;
    }

    /** Tags: a list of texts or one comma-separated text; blanks skipped. */
    List<String> tags(JsonNode obj, String path, String key) {
        List<String> raw = texts(obj, path, key);
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String r : raw) {
                for (String piece : r.split(",")) {
                    if (!piece.isBlank()) {
                        out.add(piece.strip());
                    }
                }
            }
        }
        return out;
    }

    /** A list node, or null (with a problem when present but not a list). */
    JsonNode list(JsonNode obj, String path, String key) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            problem(at(path, key), "expected a list, found " + Json.describe(n));
            return null;
        }
        return n;
    }
}
