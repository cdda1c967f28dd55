package org.crisisdesk.handover.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crisisdesk.handover.HandoverReport.Series;
import org.crisisdesk.handover.HandoverReport.Volume;

/**
 * Draws the volume as a stacked area chart in plain inline SVG (no script, no external resources), so the HTML report
 * stays one self-contained file that prints as vector graphics. Category names appear only in escaped {@code <title>}
 * elements; colours pass {@link Escape#color}.
 */
public final class SvgStackedAreaChart {
    static final int WIDTH = 860;
    static final int HEIGHT = 280;
    private static final int LEFT = 48;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;

    private SvgStackedAreaChart() {}

    public static String render(Volume volume, ReportText text) {
        int n = volume.bucketStarts().size();
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        long max = Math.max(1, volume.max());
        long step = niceStep(max / 4.0);
        long yMax = step * (long) Math.ceil(max / (double) step);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\">");
        svg.append("<title>").append(Escape.html(text.t("report.volume.chart"))).append("</title>");
        // grid and y labels
        for (long v = 0; v <= yMax; v += step) {
            double y = TOP + plotH - plotH * v / yMax;
            svg.append("<line class=\"grid\" x1=\"").append(f(LEFT)).append("\" y1=\"").append(f(y)).append("\" x2=\"")
                    .append(f(LEFT + plotW)).append("\" y2=\"").append(f(y)).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(f(LEFT - 6)).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">").append(v).append("</text>");
        }
        // areas
        List<Double> xs = new ArrayList<>();
        xs.add((double) LEFT);
        for (int i = 0; i < n; i++) {
            xs.add(LEFT + plotW * (i + 0.5) / n);
        }
        xs.add(LEFT + plotW);
        long[] lower = new long[n];
        for (Series s : volume.series()) {
            long[] upper = new long[n];
            for (int i = 0; i < n; i++) {
                upper[i] = lower[i] + s.counts()[i];
            }
            StringBuilder pts = new StringBuilder();
            for (int k = 0; k < xs.size(); k++) {
                int i = Math.max(0, Math.min(n - 1, k - 1));
                point(pts, xs.get(k), TOP + plotH - plotH * upper[i] / yMax);
            }
            for (int k = xs.size() - 1; k >= 0; k--) {
                int i = Math.max(0, Math.min(n - 1, k - 1));
                point(pts, xs.get(k), TOP + plotH - plotH * lower[i] / yMax);
            }
            String color = Escape.color(s.category().color());
            svg.append("<polygon class=\"area\" fill=\"").append(color).append("\" stroke=\"").append(color)
                    .append("\" points=\"").append(pts.toString().strip()).append("\"><title>")
                    .append(Escape.html(text.category(s.category()) + " · " + s.total())).append("</title></polygon>");
            lower = upper;
        }
        // x axis and time labels
        svg.append("<line class=\"axis-line\" x1=\"").append(f(LEFT)).append("\" y1=\"").append(f(TOP + plotH))
                .append("\" x2=\"").append(f(LEFT + plotW)).append("\" y2=\"").append(f(TOP + plotH)).append("\"/>");
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i += every) {
            double x = LEFT + plotW * i / n;
            Instant at = volume.bucketStarts().get(i);
            svg.append("<text class=\"axis\" x=\"").append(f(x)).append("\" y=\"").append(f(HEIGHT - 10))
                    .append("\" text-anchor=\"").append(i == 0 ? "start" : "middle").append("\">")
                    .append(Escape.html(text.time(at))).append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** 1, 2, 5, 10, 20, 50… at least {@code raw}. */
    static long niceStep(double raw) {
        long magnitude = 1;
        while (magnitude * 10 <= raw) {
            magnitude *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (magnitude * m >= raw) {
                return Math.max(1, magnitude * m);
            }
        }
        return magnitude * 10;
    }

    private static void point(StringBuilder sb, double x, double y) {
        sb.append(f(x)).append(',').append(f(y)).append(' ');
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
