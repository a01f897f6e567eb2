package org.conex.cli.plot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A few lines on what a run did, from its recordings: the firing rate of every group whose spikes
 * were recorded, and for recorded weights how much they changed and how concentrated they became
 * (the share of each destination neuron's total weight held by its strongest 10% of inputs: about
 * 10% for unstructured weights, much more once neurons have specialised).
 */
public final class RunSummary {
    private RunSummary() {
    }

    /** The summary lines (empty if nothing suitable was recorded). */
    public static List<String> describe(RunData data, long steps) throws IOException {
        List<String> out = new ArrayList<>();
        double seconds = steps * data.dt() / 1000.0;
        for (RunData.Series s : data.series()) {
            if (s.events() && s.groupSize() > 0 && seconds > 0) {
                long n = s.neurons() != null ? s.neurons().length : s.groupSize();
                out.add(String.format(Locale.ROOT, "%s: %d spikes, %.2f Hz per neuron", s.target(), s.rows(),
                        s.rows() / (double) n / seconds));
            }
        }
        for (RunData.Series s : data.series()) {
            if (s.events() || !PngPlots.isWeight(s) || s.rowShape().length != 2 || s.rows() < 2) {
                continue;
            }
            List<Long> steps0 = new ArrayList<>();
            double[][] rows = data.dense(s, 2, steps0);
            double[] first = rows[0];
            double[] last = data.lastRow(s);
            int cols = (int) s.rowShape()[1];
            double change = 0;
            double mean = 0;
            for (int i = 0; i < last.length; i++) {
                change += Math.abs(last[i] - first[i]);
                mean += Math.abs(first[i]);
            }
            out.add(String.format(Locale.ROOT, "%s.%s: mean |change| %.3g (%.0f%% of the mean weight) from step %d to"
                    + " %d; the strongest 10%% of inputs hold %.0f%% of each neuron's weight (%.0f%% at step %d)",
                    s.target(), s.variable(), change / last.length, mean == 0 ? 0 : 100 * change / mean, steps0.get(0),
                    s.firstStep() + (s.rows() - 1) * s.every(), 100 * concentration(last, cols),
                    100 * concentration(first, cols), steps0.get(0)));
        }
        return out;
    }

    /** Mean over columns of the share of the column's total held by its top 10% entries. */
    static double concentration(double[] w, int cols) {
        int rows = w.length / cols;
        int top = Math.max(1, rows / 10);
        double sum = 0;
        int counted = 0;
        double[] col = new double[rows];
        for (int j = 0; j < cols; j++) {
            double total = 0;
            for (int i = 0; i < rows; i++) {
                col[i] = Math.abs(w[i * cols + j]);
                total += col[i];
            }
            if (total == 0) {
                continue;
            }
            Arrays.sort(col);
            double t = 0;
            for (int i = rows - top; i < rows; i++) {
                t += col[i];
            }
            sum += t / total;
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }
}
