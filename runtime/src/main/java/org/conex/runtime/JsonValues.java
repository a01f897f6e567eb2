package org.conex.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Jackson trees to the plain Java values that parameter validation accepts: objects to
 * LinkedHashMap, arrays to ArrayList, integral numbers to Long, other numbers to Double (parsed as
 * double; rounding to float32 happens when a behavior builds its tensors).
 */
public final class JsonValues {
    private JsonValues() {
    }

    public static Object toJava(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), toJava(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            for (JsonNode c : n) {
                l.add(toJava(c));
            }
            return l;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.asText();
    }

    /** A JSON object's fields as a parameter map (null node: empty map). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode n) {
        Object o = toJava(n);
        return o instanceof Map ? (Map<String, Object>) o : new LinkedHashMap<>();
    }

    /** Flattens a (nested) numeric array in C order; booleans become 0/1. */
    public static double[] flatten(JsonNode n) {
        List<Double> out = new ArrayList<>();
        flatten(n, out);
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = out.get(i);
        }
        return d;
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (n.isArray()) {
            for (JsonNode c : n) {
                flatten(c, out);
            }
        } else if (n.isBoolean()) {
            out.add(n.booleanValue() ? 1.0 : 0.0);
        } else {
            out.add(n.doubleValue());
        }
    }

    /** The shape of a rectangular nested array ([] for a scalar). */
    public static long[] shape(JsonNode n) {
        List<Long> s = new ArrayList<>();
        JsonNode cur = n;
        while (cur.isArray()) {
            s.add((long) cur.size());
            if (cur.size() == 0) {
                break;
            }
            cur = cur.get(0);
        }
        return s.stream().mapToLong(Long::longValue).toArray();
    }
}
