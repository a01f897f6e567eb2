package org.conex.runtime.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conex.runtime.conformance.CaseResult.Status;

/** Checks the {@code statistics} entries of a statistical case against recorded samples. */
final class Statistics {
    private Statistics() {
    }

    static CaseResult check(String name, JsonNode c, List<Map<String, List<Recording>>> runs,
                            Map<String, Integer> every) {
        for (JsonNode s : c.path("statistics")) {
            String key = s.path("object").asText() + "." + s.path("variable").asText();
            String reduce = s.path("reduce").asText();
            String label = s.path("name").asText() + " (" + reduce + " of " + key + ")";
            long a = s.path("steps").get(0).asLong();
            long b = s.path("steps").get(1).asLong();
            double sum = 0;
            for (Map<String, List<Recording>> recorded : runs) {
                List<Recording> rows = recorded.get(key);
                if (rows == null) {
                    return new CaseResult(name, Status.FAIL, s.path("name").asText() + ": " + key + " is not recorded");
                }
                int ev = every.get(key);
                List<double[]> window = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    long step = (long) (r + 1) * ev;
                    if (step >= a && step <= b) {
                        window.add(rows.get(r).values());
                    }
                }
                double[] x = ConformanceRunner.concat(window);
                if (x.length == 0) {
                    return new CaseResult(name, Status.FAIL, label + ": no samples in steps [" + a + ", " + b + "]");
                }
                double v = reduce(reduce, x);
                if (s.path("check").asText().equals("bound")) {
                    String failure = checkBound(label, s.path("bound").asText().trim(), v);
                    if (failure != null) {
                        return new CaseResult(name, Status.FAIL, failure);
                    }
                }
                sum += v;
            }
            if (!s.path("check").asText().equals("bound")) {
                double v = sum / runs.size();
                double want = s.path("value").asDouble();
                double tol = s.path("tolerance_abs").asDouble();
                if (!(Math.abs(v - want) <= tol)) {
                    return new CaseResult(name, Status.FAIL, label + " = " + v + ", expected " + want + " +- " + tol
                            + " (error/tolerance " + String.format("%.3g", Math.abs(v - want) / tol) + ")");
                }
            }
        }
        return new CaseResult(name, Status.PASS, "");
    }

    /** Null if {@code v} satisfies a bound such as {@code ">= 0.1"}, else the failure text. */
    private static String checkBound(String label, String bound, double v) {
        String[] parts = bound.split("\\s+");
        if (parts.length != 2) {
            return label + ": unknown bound '" + bound + "'";
        }
        double limit = Double.parseDouble(parts[1]);
        boolean ok;
        switch (parts[0]) {
            case ">=": ok = v >= limit; break;
            case "<=": ok = v <= limit; break;
            case ">": ok = v > limit; break;
            case "<": ok = v < limit; break;
            default: return label + ": unknown bound '" + bound + "'";
        }
        return ok ? null : label + " = " + v + " violates bound " + bound;
    }

    static double reduce(String reduce, double[] x) {
        switch (reduce) {
            case "mean": {
                double s = 0;
                for (double d : x) {
                    s += d;
                }
                return s / x.length;
            }
            case "std": {
                double m = reduce("mean", x);
                double s = 0;
                for (double d : x) {
                    s += (d - m) * (d - m);
                }
                return Math.sqrt(s / x.length);
            }
            case "fraction_nonzero": {
                long n = 0;
                for (double d : x) {
                    if (d != 0) {
                        n++;
                    }
                }
                return (double) n / x.length;
            }
            case "min": {
                double m = Double.POSITIVE_INFINITY;
                for (double d : x) {
                    m = Math.min(m, d);
                }
                return m;
            }
            case "max": {
                double m = Double.NEGATIVE_INFINITY;
                for (double d : x) {
                    m = Math.max(m, d);
                }
                return m;
            }
            default:
                throw new IllegalArgumentException("unknown reduce '" + reduce + "'");
        }
    }
}
