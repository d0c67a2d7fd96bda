package io.ecap.testrunner.report;

import io.ecap.testenv.operator.api.status.GateResult;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testrunner.results.PerformanceFigure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small inline SVG bar chart: each latency figure as a bar, its target as a vertical mark, red when
 * over. Figures nothing measured are listed as such, never drawn as zero.
 */
final class PerformanceChart {

  private static final int WIDTH = 720;
  private static final int LABEL = 150;
  private static final int VALUE = 150;
  private static final int ROW = 30;

  private PerformanceChart() {
  }

  static String svg(PerformanceFigures performance, List<GateResult> gates) {
    List<PerformanceFigure> figures = HtmlReport.charted();
    StringBuilder svg = new StringBuilder();
    int height = ROW * figures.size() + 10;
    svg.append("<svg id=\"performance-chart\" role=\"img\" aria-label=\"Performance against targets\" xmlns=\"http://www.w3.org/2000/svg\" ")
        .append("width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\">\n");
    int plot = WIDTH - LABEL - VALUE;
    int row = 0;
    for (PerformanceFigure figure : figures) {
      Double measured = figure.get(performance);
      Double limit = gates.stream().filter(g -> g.getName().equals(figure.field())).findFirst().map(GateResult::getLimit)
          .orElse(null);
      int y = 5 + row * ROW;
      svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>\n", y + 17, HtmlReport.esc(figure.label())));
      double scale = Math.max(measured == null ? 0 : measured, limit == null ? 0 : limit) * 1.15;
      if (measured == null) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#6e7781\">not measured</text>\n", LABEL, y + 17));
      } else {
        boolean over = limit != null && measured > limit;
        double w = scale <= 0 ? 0 : plot * measured / scale;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" rx=\"3\" fill=\"%s\"/>\n",
            LABEL, y + 4, Math.max(w, 2), over ? "#cf222e" : "#1a7f37"));
      }
      if (measured != null && limit != null && scale > 0) {
        double x = LABEL + plot * limit / scale;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#1f2328\" "
            + "stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\n", x, x, y + 1, y + 25));
      }
      String text = Optional.ofNullable(measured).map(HtmlReport::number).map(v -> v + " " + figure.unit()).orElse("–")
          + (limit == null ? "" : " / target " + HtmlReport.number(limit));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", WIDTH - VALUE + 8, y + 17,
          HtmlReport.esc(text)));
      row++;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }
}
