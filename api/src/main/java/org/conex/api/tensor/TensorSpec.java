package org.conex.api.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.conex.api.ConexException;

/**
 * The tensor initialisation mini-language of PymoNNtorch ({@code vector("normal(0, 1)")}), parsed
 * by a whitelist parser: strings are never evaluated as code.
 *
 * <p>Grammar: {@code NUMBER | FACTORY [ ( ARGS ) ] { (*|/|+|-) NUMBER }} with FACTORY one of
 * {@code zeros, ones, rand, random, rnd, uniform, randn, normal, randint}. {@code normal(m, s)}
 * (or {@code normal(mean=m, std=s)}) draws N(m, s^2) with s a standard deviation;
 * {@code uniform(lo, hi)} draws U[lo, hi); {@code randint(lo, hi)} draws integers in [lo, hi).
 * A plain number (or numeric string) fills every element with that value.
 *
 * <p>Post-processing as in the reference: an optional {@code density} multiplies each element by an
 * indicator {@code U[0,1) <= density}; an optional {@code scale} multiplies everything.
 */
public final class TensorSpec {
    private enum Kind { CONST, ZEROS, ONES, RAND, RANDN, NORMAL, UNIFORM, RANDINT }

    private record Op(char op, double value) {
    }

    private final String text;
    private final Kind kind;
    private final double a;
    private final double b;
    private final List<Op> ops;

    private TensorSpec(String text, Kind kind, double a, double b, List<Op> ops) {
        this.text = text;
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.ops = List.copyOf(ops);
    }

    /** A spec that fills every element with {@code c}. */
    public static TensorSpec constant(double c) {
        return new TensorSpec(Double.toString(c), Kind.CONST, c, 0, List.of());
    }

    /** True if this spec draws random numbers. */
    public boolean isRandom() {
        return kind == Kind.RAND || kind == Kind.RANDN || kind == Kind.NORMAL || kind == Kind.UNIFORM
                || kind == Kind.RANDINT;
    }

    /**
     * Parses a mode string.
     *
     * @throws ConexException naming the text, the position and what was expected
     */
    public static TensorSpec parse(String text) {
        if (text == null) {
            throw new ConexException("tensor mode is missing: expected e.g. \"zeros\", \"ones\", \"rand\", "
                    + "\"normal(0, 1)\" or a number");
        }
        return new Parser(text).parse();
    }

    /** Number of random draws (or constant fill) into a new array of {@code n} elements. */
    public double[] sample(int n, RandomStream rng) {
        double[] out = new double[n];
        sample(out, rng);
        return out;
    }

    /**
     * Fills every element of {@code out} with a fresh draw (or the constant), in index order, with
     * the same draws as {@link #sample(int, RandomStream)}; allocates nothing, for per-step use.
     */
    public void sample(double[] out, RandomStream rng) {
        for (int i = 0, n = out.length; i < n; i++) {
            double v;
            switch (kind) {
                case CONST: v = a; break;
                case ZEROS: v = 0; break;
                case ONES: v = 1; break;
                case RAND: v = rng.nextDouble(); break;
                case RANDN: v = rng.nextGaussian(); break;
                case NORMAL: v = a + b * rng.nextGaussian(); break;
                case UNIFORM: v = a + (b - a) * rng.nextDouble(); break;
                case RANDINT: v = a + Math.floor(rng.nextDouble() * (b - a)); break;
                default: throw new AssertionError(kind);
            }
            for (int j = 0, m = ops.size(); j < m; j++) {
                Op op = ops.get(j);
                switch (op.op) {
                    case '*': v = v * op.value; break;
                    case '/': v = v / op.value; break;
                    case '+': v = v + op.value; break;
                    default: v = v - op.value; break;
                }
            }
            out[i] = v;
        }
    }

    /**
     * Fills {@code n} values: sample, then the density mask (if {@code density != null}), then
     * {@code scale} (if not null), each rounded to {@code dtype}.
     */
    public double[] fill(int n, RandomStream rng, Double density, Double scale, DType dtype) {
        double[] v = sample(n, rng);
        for (int i = 0; i < n; i++) {
            double x = dtype.round(v[i]);
            if (kind == Kind.RAND && x >= 1.0) {
                // a 53-bit draw just below 1 rounds up to 1.0f; keep U[0, 1) half-open in float32
                x = Math.nextDown((float) 1.0);
            }
            if (density != null && !(rng.nextDouble() <= density)) {
                x = 0;
            }
            if (scale != null) {
                x = dtype.round(x * dtype.round(scale));
            }
            v[i] = x;
        }
        return v;
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        TensorSpec parse() {
            skip();
            if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == '-'
                    || s.charAt(pos) == '+')) {
                double c = number();
                List<Op> ops = ops();
                end();
                return new TensorSpec(s, Kind.CONST, c, 0, ops);
            }
            String name = ident().toLowerCase(Locale.ROOT);
            Kind kind;
            List<double[]> args = new ArrayList<>();
            List<String> names = new ArrayList<>();
            skip();
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                skip();
                while (pos < s.length() && s.charAt(pos) != ')') {
                    int save = pos;
                    String argName = null;
                    if (Character.isLetter(s.charAt(pos))) {
                        argName = ident();
                        skip();
                        if (pos >= s.length() || s.charAt(pos) != '=') {
                            pos = save;
                            throw error("a number or name=number");
                        }
                        pos++;
                        skip();
                    }
                    names.add(argName);
                    args.add(new double[] {number()});
                    skip();
                    if (pos < s.length() && s.charAt(pos) == ',') {
                        pos++;
                        skip();
                    } else if (pos >= s.length() || s.charAt(pos) != ')') {
                        throw error("',' or ')'");
                    }
                }
                if (pos >= s.length()) {
                    throw error("')'");
                }
                pos++;
            }
            double a = 0;
            double b = 0;
            switch (name) {
                case "zeros": kind = Kind.ZEROS; noArgs(name, args); break;
                case "ones": kind = Kind.ONES; noArgs(name, args); break;
                case "rand": case "random": case "rnd":
                    kind = Kind.RAND; noArgs(name, args); break;
                case "uniform":
                    if (args.isEmpty()) {
                        kind = Kind.RAND;
                    } else {
                        kind = Kind.UNIFORM;
                        double[] ab = twoArgs(name, args, names, "low", "high", 0, 1);
                        a = ab[0];
                        b = ab[1];
                    }
                    break;
                case "randn": kind = Kind.RANDN; noArgs(name, args); break;
                case "normal": {
                    kind = Kind.NORMAL;
                    double[] ms = twoArgs(name, args, names, "mean", "std", 0, 1);
                    a = ms[0];
                    b = ms[1];
                    if (b < 0) {
                        throw new ConexException("tensor mode '" + s + "': std must be >= 0, found " + b);
                    }
                    break;
                }
                case "randint": {
                    kind = Kind.RANDINT;
                    if (args.size() != 2) {
                        throw new ConexException("tensor mode '" + s + "': randint needs (low, high), found "
                                + args.size() + " argument(s)");
                    }
                    a = args.get(0)[0];
                    b = args.get(1)[0];
                    if (b <= a) {
                        throw new ConexException("tensor mode '" + s + "': randint needs low < high");
                    }
                    break;
                }
                default:
                    throw new ConexException("unknown tensor mode '" + name + "' in '" + s + "': expected one of "
                            + "zeros, ones, rand, random, rnd, uniform, randn, normal(mean, std), randint(low, high) "
                            + "or a number");
            }
            List<Op> ops = ops();
            end();
            return new TensorSpec(s, kind, a, b, ops);
        }

        private void noArgs(String name, List<double[]> args) {
            if (!args.isEmpty()) {
                throw new ConexException("tensor mode '" + s + "': " + name + " takes no arguments, found "
                        + args.size());
            }
        }

        private double[] twoArgs(String fn, List<double[]> args, List<String> names, String n0, String n1,
                                 double d0, double d1) {
            double[] out = {d0, d1};
            if (args.size() > 2) {
                throw new ConexException("tensor mode '" + s + "': " + fn + " takes at most 2 arguments ("
                        + n0 + ", " + n1 + "), found " + args.size());
            }
            for (int i = 0; i < args.size(); i++) {
                String n = names.get(i);
                int slot = n == null ? i : n.equals(n0) ? 0 : n.equals(n1) ? 1 : -1;
                if (slot < 0) {
                    throw new ConexException("tensor mode '" + s + "': unknown argument '" + n + "' of " + fn
                            + ", expected " + n0 + " or " + n1);
                }
                out[slot] = args.get(i)[0];
            }
            return out;
        }

        private List<Op> ops() {
            List<Op> ops = new ArrayList<>();
            skip();
            while (pos < s.length() && "*/+-".indexOf(s.charAt(pos)) >= 0) {
                char op = s.charAt(pos++);
                skip();
                ops.add(new Op(op, number()));
                skip();
            }
            return ops;
        }

        private void end() {
            skip();
            if (pos != s.length()) {
                throw error("end of mode (only *, /, + or - followed by a number may follow the factory)");
            }
        }

        private String ident() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("a factory name");
            }
            return s.substring(start, pos);
        }

        private double number() {
            int start = pos;
            if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || ".eE".indexOf(s.charAt(pos)) >= 0
                    || (pos > start && (s.charAt(pos) == '-' || s.charAt(pos) == '+')
                        && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) {
                pos++;
            }
            try {
                return Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("a number");
            }
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private ConexException error(String expected) {
            String found = pos >= s.length() ? "end of text" : "'" + s.substring(pos) + "'";
            return new ConexException("invalid tensor mode '" + s + "' at position " + pos + ": expected "
                    + expected + ", found " + found);
        }
    }
}
