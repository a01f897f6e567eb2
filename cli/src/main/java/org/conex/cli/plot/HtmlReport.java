package org.conex.cli.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained HTML page with interactive charts (zoom by dragging, double-click to reset,
 * click legend entries to hide series): the spike raster, per-neuron traces and weight
 * histograms. The chart library (uPlot, MIT, vendored from npm) and the data are inlined, so the
 * page opens offline from the file system.
 */
public final class HtmlReport {
    private static final String RES = "/org/conex/cli/plot/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HtmlReport() {
    }

    /** Writes {@code report.html} into {@code outDir}. */
    public static Path write(RunData data, Path outDir, int maxEvents, int maxRows, int maxNeurons, int bins)
            throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", data.name());
        root.put("dt", data.dt());
        ArrayNode rasters = root.putArray("rasters");
        ArrayNode traces = root.putArray("traces");
        ArrayNode hists = root.putArray("histograms");
        for (RunData.Series s : data.series()) {
            String label = s.target() + "." + s.variable();
            if (s.events()) {
                long[][] ev = data.events(s, maxEvents);
                ObjectNode r = rasters.addObject().put("label", label);
                ArrayNode t = r.putArray("t");
                ArrayNode i = r.putArray("i");
                for (int k = 0; k < ev[0].length; k++) {
                    t.add(ev[0][k] * data.dt());
                    i.add(ev[1][k]);
                }
            } else if (PngPlots.isWeight(s)) {
                if (s.rows() > 0) {
                    double[][] h = PngPlots.bins(data.lastRow(s), bins);
                    ObjectNode o = hists.addObject().put("label", label);
                    ArrayNode x = o.putArray("x");
                    ArrayNode y = o.putArray("y");
                    for (int b = 0; b < h[0].length; b++) {
                        x.add(h[0][b]);
                        y.add(h[1][b]);
                    }
                }
            } else if (s.rowShape().length <= 1 && s.rows() > 0) {
                List<Long> steps = new ArrayList<>();
                double[][] rows = data.dense(s, maxRows, steps);
                ObjectNode o = traces.addObject().put("label", label);
                ArrayNode t = o.putArray("t");
                steps.forEach(st -> t.add(st * data.dt()));
                ArrayNode ys = o.putArray("y");
                ArrayNode names = o.putArray("names");
                int n = rows.length == 0 ? 0 : Math.min(maxNeurons, rows[0].length);
                for (int j = 0; j < n; j++) {
                    ArrayNode col = ys.addArray();
                    for (double[] row : rows) {
                        col.add((float) row[j]);
                    }
                    names.add("neuron " + (s.neurons() != null ? s.neurons()[j] : j));
                }
            }
        }
        String html = template()
                .replace("/*UPLOT_CSS*/", resource("uPlot.min.css"))
                .replace("/*UPLOT_JS*/", resource("uPlot.iife.min.js").replace("</script", "<\\/script"))
                .replace("/*RUN_DATA*/", MAPPER.writeValueAsString(root).replace("</", "<\\/"))
                .replace("RUN_TITLE", escape(data.name()));
        Path out = outDir.resolve("report.html");
        Files.writeString(out, html, StandardCharsets.UTF_8);
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(RES + name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String template() throws IOException {
        return resource("report-template.html");
    }
}
