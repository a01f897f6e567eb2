package org.conex.api.behavior;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Converts raw model-file values (Number, String, Boolean, List, Map, arrays) to a spec's kind. */
final class ParamConverter {
    private ParamConverter() {
    }

    static Object convert(String component, ParamSpec spec, Object raw) {
        String p = spec.name();
        Object v;
        switch (spec.kind()) {
            case NUMBER:
                v = number(component, spec, raw);
                break;
            case INTEGER: {
                if (raw instanceof Number && isIntegral((Number) raw)) {
                    v = Math.toIntExact(((Number) raw).longValue());
                } else {
                    throw new ParameterException(component, p, spec.expectation(), raw);
                }
                break;
            }
            case BOOLEAN:
                if (!(raw instanceof Boolean)) {
                    throw new ParameterException(component, p, spec.expectation(), raw);
                }
                v = raw;
                break;
            case STRING:
                if (!(raw instanceof String)) {
                    throw new ParameterException(component, p, spec.expectation(), raw);
                }
                if (!spec.choices().isEmpty() && !spec.choices().contains(raw)) {
                    throw new ParameterException(component, p, spec.expectation(), raw);
                }
                v = raw;
                break;
            case NUMBER_OR_TENSOR:
                if (raw instanceof Number) {
                    v = number(component, spec, raw);
                } else {
                    v = tensor(component, spec, raw);
                }
                break;
            case TENSOR:
                v = tensor(component, spec, raw);
                break;
            case INTS:
                v = ints(component, spec, raw);
                break;
            case MODE:
                if (raw instanceof Number) {
                    v = ((Number) raw).doubleValue();
                } else if (raw instanceof String) {
                    v = raw;
                } else {
                    throw new ParameterException(component, p, spec.expectation(), raw);
                }
                break;
            case ROWS:
                v = rows(component, spec, raw);
                break;
            case ANY:
                v = raw;
                break;
            default:
                throw new AssertionError(spec.kind());
        }
        checkMin(component, spec, v);
        return v;
    }

    private static boolean isIntegral(Number n) {
        double d = n.doubleValue();
        return !Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE;
    }

    private static Double number(String component, ParamSpec spec, Object raw) {
        if (raw instanceof Number) {
            double d = ((Number) raw).doubleValue();
            if (Double.isNaN(d)) {
                throw new ParameterException(component, spec.name(), "expected " + spec.expectation()
                        + ", found NaN (not a number)");
            }
            return d;
        }
        throw new ParameterException(component, spec.name(), spec.expectation(), raw);
    }

    private static void checkMin(String component, ParamSpec spec, Object v) {
        if (spec.min() == null || v == null) {
            return;
        }
        double min = spec.min();
        if (v instanceof Double) {
            double d = (Double) v;
            if (spec.minExclusive() ? !(d > min) : !(d >= min)) {
                throw new ParameterException(component, spec.name(), spec.expectation(), d);
            }
        } else if (v instanceof Integer) {
            int d = (Integer) v;
            if (spec.minExclusive() ? !(d > min) : !(d >= min)) {
                throw new ParameterException(component, spec.name(), spec.expectation(), d);
            }
        } else if (v instanceof TensorValue) {
            TensorValue t = (TensorValue) v;
            for (int i = 0; i < t.length(); i++) {
                double d = t.get(i);
                if (spec.minExclusive() ? !(d > min) : !(d >= min)) {
                    throw new ParameterException(component, spec.name(), "expected " + spec.expectation()
                            + " for every element, found " + d + " at element " + i);
                }
            }
        }
    }

    static TensorValue tensor(String component, ParamSpec spec, Object raw) {
        if (raw instanceof TensorValue) {
            return (TensorValue) raw;
        }
        if (raw instanceof double[]) {
            return TensorValue.vector((double[]) raw);
        }
        if (raw instanceof float[]) {
            float[] f = (float[]) raw;
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return TensorValue.vector(d);
        }
        if (!(raw instanceof List)) {
            throw new ParameterException(component, spec.name(), spec.expectation(), raw);
        }
        List<Long> shape = new ArrayList<>();
        Object cur = raw;
        while (cur instanceof List) {
            List<?> l = (List<?>) cur;
            shape.add((long) l.size());
            if (l.isEmpty()) {
                break;
            }
            cur = l.get(0);
        }
        long[] sh = shape.stream().mapToLong(Long::longValue).toArray();
        long n = 1;
        for (long d : sh) {
            n *= d;
        }
        double[] data = new double[Math.toIntExact(n)];
        int[] pos = {0};
        flatten(component, spec, raw, 0, sh, data, pos);
        return new TensorValue(data, sh);
    }

    private static void flatten(String component, ParamSpec spec, Object node, int depth, long[] shape,
                                double[] out, int[] pos) {
        if (depth == shape.length) {
            if (node instanceof Boolean) {
                out[pos[0]++] = ((Boolean) node) ? 1 : 0;
                return;
            }
            if (!(node instanceof Number)) {
                throw new ParameterException(component, spec.name(), "a rectangular list of numbers",
                        node);
            }
            out[pos[0]++] = ((Number) node).doubleValue();
            return;
        }
        if (!(node instanceof List) || ((List<?>) node).size() != shape[depth]) {
            throw new ParameterException(component, spec.name(), "a rectangular list of numbers (length "
                    + shape[depth] + " at depth " + depth + ")", node);
        }
        for (Object o : (List<?>) node) {
            flatten(component, spec, o, depth + 1, shape, out, pos);
        }
    }

    private static int[] ints(String component, ParamSpec spec, Object raw) {
        if (raw instanceof int[]) {
            return ((int[]) raw).clone();
        }
        if (raw instanceof Number) {
            if (!isIntegral((Number) raw)) {
                throw new ParameterException(component, spec.name(), spec.expectation(), raw);
            }
            return new int[] {((Number) raw).intValue()};
        }
        if (raw instanceof List) {
            List<?> l = (List<?>) raw;
            int[] out = new int[l.size()];
            for (int i = 0; i < out.length; i++) {
                Object o = l.get(i);
                if (!(o instanceof Number) || !isIntegral((Number) o)) {
                    throw new ParameterException(component, spec.name(), spec.expectation(), raw);
                }
                out[i] = ((Number) o).intValue();
            }
            return out;
        }
        throw new ParameterException(component, spec.name(), spec.expectation(), raw);
    }

    private static List<double[]> rows(String component, ParamSpec spec, Object raw) {
        if (!(raw instanceof List) || ((List<?>) raw).isEmpty()) {
            throw new ParameterException(component, spec.name(), "a non-empty list of rows", raw);
        }
        List<double[]> out = new ArrayList<>();
        for (Object row : (List<?>) raw) {
            if (row instanceof Number || row instanceof Boolean) {
                out.add(new double[] {row instanceof Boolean ? ((Boolean) row ? 1 : 0) : ((Number) row).doubleValue()});
            } else if (row instanceof List) {
                List<?> l = (List<?>) row;
                double[] r = new double[l.size()];
                for (int i = 0; i < r.length; i++) {
                    Object o = l.get(i);
                    if (o instanceof Boolean) {
                        r[i] = (Boolean) o ? 1 : 0;
                    } else if (o instanceof Number) {
                        r[i] = ((Number) o).doubleValue();
                    } else {
                        throw new ParameterException(component, spec.name(), "rows of numbers", row);
                    }
                }
                out.add(r);
            } else if (row instanceof double[]) {
                out.add(((double[]) row).clone());
            } else {
                throw new ParameterException(component, spec.name(), "rows of numbers", row);
            }
        }
        return List.copyOf(out);
    }

    static boolean isMap(Object o) {
        return o instanceof Map;
    }
}
