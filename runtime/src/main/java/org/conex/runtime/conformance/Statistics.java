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

    static CaseResult check(String name, JsonNode c, Map<String, List<Recording>> recorded, Map<String, Integer> every) {
        for (JsonNode s : c.path("statistics")) {
            String key = s.path("object").asText() + "." + s.path("variable").asText();
            List<Recording> rows = recorded.get(key);
            if (rows == null) {
                return new CaseResult(name, Status.FAIL, s.path("name").asText() + ": " + key + " is not recorded");
            }
            long a = s.path("steps").get(0).asLong();
            long b = s.path("steps").get(1).asLong();
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
                return new CaseResult(name, Status.FAIL, s.path("name").asText() + ": no samples in steps [" + a + ", "
                        + b + "]");
            }
            String reduce = s.path("reduce").asText();
            double v = reduce(reduce, x);
            String check = s.path("check").asText();
            String label = s.path("name").asText() + " (" + reduce + " of " + key + ")";
            if (check.equals("bound")) {
                String bound = s.path("bound").asText().trim();
                String[] parts = bound.split("\\s+");
                double limit = Double.parseDouble(parts[1]);
                boolean ok;
                switch (parts[0]) {
                    case ">=": ok = v >= limit; break;
                    case "<=": ok = v <= limit; break;
                    case ">": ok = v > limit; break;
                    case "<": ok = v < limit; break;
                    default: return new CaseResult(name, Status.FAIL, label + ": unknown bound '" + bound + "'");
                }
                if (!ok) {
                    return new CaseResult(name, Status.FAIL, label + " = " + v + " violates bound " + bound);
                }
            } else {
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
