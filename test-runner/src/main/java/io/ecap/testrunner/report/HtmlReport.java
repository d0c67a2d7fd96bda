package io.ecap.testrunner.report;

import io.ecap.testenv.operator.api.results.QualityGateEvaluator;
import io.ecap.testenv.operator.api.status.FailureSummary;
import io.ecap.testenv.operator.api.status.GateResult;
import io.ecap.testenv.operator.api.status.SuiteResult;
import io.ecap.testenv.operator.api.status.TestResults;
import io.ecap.testrunner.results.PerformanceFigure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report a person reads first: one self-contained HTML file (inline CSS and SVG, no script, no
 * external resource) with the verdict and the gates at the top, then suites, failures, flaky tests
 * and performance against the targets.
 */
public final class HtmlReport {

  private HtmlReport() {
  }

  public static void write(RunSummary run, Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, render(run), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String render(RunSummary run) {
    StringBuilder html = new StringBuilder(16_384);
    TestResults results = run.results();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(run.passed() ? "PASSED" : "FAILED").append(" · ECAP run ").append(esc(run.runId()))
        .append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    html.append("<header class=\"verdict ").append(run.passed() ? "pass" : "fail").append("\" id=\"verdict\">\n")
        .append("<h1>").append(run.passed() ? "PASSED" : "FAILED").append(" <span>").append(esc(run.runId()))
        .append("</span></h1>\n<p class=\"meta\">").append(esc(run.runName())).append(" · profile ")
        .append(esc(run.profile())).append(" · ").append(run.shardCount()).append(" shard(s) · ")
        .append(seconds(run.durationSeconds())).append(" in all");
    if (run.environmentReadySeconds() != null) {
      html.append(" · environment ready in ").append(seconds(run.environmentReadySeconds()));
    }
    html.append(" · finished ").append(esc(run.finishedAt().replaceFirst("\\.\\d+Z$", "Z"))).append("</p>\n");
    if (!run.reasons().isEmpty()) {
      html.append("<ul class=\"reasons\">");
      run.reasons().forEach(r -> html.append("<li>").append(esc(r)).append("</li>"));
      html.append("</ul>\n");
    }
    html.append("</header>\n<main>\n");

    html.append("<section id=\"totals\" class=\"totals\">")
        .append(tile("tests", results.getTotal(), "")).append(tile("passed", results.getPassed(), "ok"))
        .append(tile("failed", results.getFailed(), results.getFailed() > 0 ? "bad" : ""))
        .append(tile("flaky", results.getFlaky(), results.getFlaky() > 0 ? "warn" : ""))
        .append(tile("skipped", results.getSkipped(), ""))
        .append("<div class=\"tile\"><b>").append(number(results.getSuccessRate())).append("%</b>success rate</div>")
        .append("</section>\n");

    html.append("<section id=\"gates\"><h2>Quality gates</h2>\n<table><thead><tr><th>Gate</th><th>Measured</th>")
        .append("<th>Limit</th><th>Outcome</th></tr></thead><tbody>\n");
    for (GateResult gate : run.gates()) {
      String outcome = gate.getOutcome();
      String css = QualityGateEvaluator.PASSED.equals(outcome) ? "ok" : QualityGateEvaluator.FAILED.equals(outcome) ? "bad" : "na";
      html.append("<tr class=\"").append(css).append("\"><td>").append(esc(gate.getName())).append("</td><td>")
          .append(gate.getMeasured() == null ? "not measured" : number(gate.getMeasured())).append("</td><td>")
          .append(gate.getName().startsWith("min") ? "≥ " : "≤ ").append(number(gate.getLimit())).append("</td><td>")
          .append(esc(outcome)).append("</td></tr>\n");
    }
    if (run.gates().isEmpty()) {
      html.append("<tr><td colspan=\"4\">No gate is set.</td></tr>\n");
    }
    html.append("</tbody></table></section>\n");

    if (!run.errors().isEmpty()) {
      html.append("<section id=\"errors\"><h2>Run errors</h2><ul class=\"errors\">");
      run.errors().forEach(e -> html.append("<li>").append(esc(e)).append("</li>"));
      html.append("</ul></section>\n");
    }

    html.append("<section id=\"suites\"><h2>Suites</h2>\n<table><thead><tr><th>Suite</th><th>Tests</th><th>Passed</th>")
        .append("<th>Failed</th><th>Flaky</th><th>Skipped</th><th>Duration</th><th></th></tr></thead><tbody>\n");
    double longest = results.getSuites().stream().mapToDouble(SuiteResult::getDurationSeconds).max().orElse(0);
    for (SuiteResult suite : results.getSuites()) {
      double share = longest <= 0 ? 0 : 100 * suite.getDurationSeconds() / longest;
      html.append("<tr class=\"").append(suite.getFailed() > 0 ? "bad" : "").append("\"><td>").append(esc(suite.getName()))
          .append("</td><td>").append(suite.getTotal()).append("</td><td>").append(suite.getPassed()).append("</td><td>")
          .append(suite.getFailed()).append("</td><td>").append(suite.getFlaky()).append("</td><td>")
          .append(suite.getSkipped()).append("</td><td>").append(seconds(suite.getDurationSeconds()))
          .append("</td><td class=\"bar\"><span style=\"width:").append(String.format(Locale.ROOT, "%.1f", share))
          .append("%\"></span></td></tr>\n");
    }
    if (results.getSuites().isEmpty()) {
      html.append("<tr><td colspan=\"8\">No suite ran.</td></tr>\n");
    }
    html.append("</tbody></table></section>\n");

    html.append("<section id=\"failures\"><h2>Failures</h2>\n");
    if (results.getFailures().isEmpty()) {
      html.append("<p class=\"none\">No test failed.</p>\n");
    } else {
      if (results.getFailed() > results.getFailures().size()) {
        html.append("<p>The first ").append(results.getFailures().size()).append(" of ").append(results.getFailed())
            .append(" failures; the JUnit XML of each shard has them all.</p>\n");
      }
      for (FailureSummary failure : results.getFailures()) {
        html.append("<article class=\"failure\"><h3>").append(esc(failure.getTest())).append(" <small>")
            .append(esc(failure.getSuite())).append("</small></h3>\n<pre class=\"message\">")
            .append(esc(Optional.ofNullable(failure.getMessage()).orElse("(no message)"))).append("</pre>\n");
        if (failure.getStackTrace() != null) {
          html.append("<details><summary>Stack trace (start)</summary><pre>").append(esc(failure.getStackTrace()))
              .append("</pre></details>\n");
        }
        html.append("</article>\n");
      }
    }
    if (!run.timedOutTests().isEmpty()) {
      html.append("<p class=\"timeout\">The run timeout hit while running: ")
          .append(esc(String.join(", ", run.timedOutTests()))).append("</p>\n");
    }
    html.append("</section>\n");

    html.append("<section id=\"flaky\"><h2>Flaky tests</h2>\n");
    if (results.getFlakyTests().isEmpty()) {
      html.append("<p class=\"none\">No test needed a retry to pass.</p>\n");
    } else {
      html.append("<p>Passed only on a retry; not counted as clean passes.</p><ul>");
      results.getFlakyTests().forEach(t -> html.append("<li>").append(esc(t)).append("</li>"));
      html.append("</ul>\n");
    }
    html.append("</section>\n");

    html.append("<section id=\"performance\"><h2>Performance against targets</h2>\n")
        .append(PerformanceChart.svg(run.performance(), run.gates()))
        .append("</section>\n</main>\n<footer>ECAP Test Environments · summary.json and the JUnit XML of each shard ")
        .append("are beside this file.</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String tile(String label, int value, String css) {
    return "<div class=\"tile " + css + "\"><b>" + value + "</b>" + label + "</div>";
  }

  static String number(Double value) {
    return value == null ? "–" : BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }

  static String seconds(double value) {
    return String.format(Locale.ROOT, "%.1f s", value);
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Figures the chart shows: the latency ones, which have gates of the same name. */
  static List<PerformanceFigure> charted() {
    return List.of(PerformanceFigure.API_P95_MILLIS, PerformanceFigure.STREAMING_P99_MILLIS, PerformanceFigure.QUERY_MILLIS,
        PerformanceFigure.INFERENCE_P99_MILLIS, PerformanceFigure.HEALTH_P99_MILLIS);
  }

  private static final String CSS = """
      :root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--na:#6e7781;--line:#d0d7de}
      *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;background:#f6f8fa}
      header.verdict{padding:20px 32px;color:#fff}header.pass{background:var(--ok)}header.fail{background:var(--bad)}
      header h1{margin:0;font-size:30px;letter-spacing:.5px}header h1 span{font-size:18px;font-weight:400;opacity:.9;margin-left:10px}
      .meta{margin:6px 0 0;opacity:.95}.reasons{margin:10px 0 0;padding-left:20px}
      main{max-width:1100px;margin:0 auto;padding:16px 32px 32px}
      section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:14px 0}
      h2{font-size:18px;margin:0 0 10px}h3{font-size:15px;margin:0 0 6px}h3 small{color:var(--na);font-weight:400}
      .totals{display:flex;gap:12px;flex-wrap:wrap}.tile{flex:1;min-width:110px;border:1px solid var(--line);border-radius:6px;padding:8px 12px;color:var(--na)}
      .tile b{display:block;font-size:24px;color:#1f2328}.tile.ok b{color:var(--ok)}.tile.bad b{color:var(--bad)}.tile.warn b{color:var(--warn)}
      table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line)}
      th{font-size:13px;color:var(--na);font-weight:600}tr.ok td:last-child{color:var(--ok);font-weight:600}
      tr.bad td:last-child,tr.bad td:first-child{color:var(--bad);font-weight:600}tr.na td:last-child{color:var(--na)}
      td.bar{width:28%}td.bar span{display:block;height:10px;background:#54aeff;border-radius:3px;min-width:2px}
      .failure{border-left:4px solid var(--bad);padding:6px 12px;margin:10px 0;background:#fff8f8}
      pre{white-space:pre-wrap;word-break:break-word;font:13px/1.4 ui-monospace,"DejaVu Sans Mono",monospace;margin:4px 0}
      .errors li,.timeout{color:var(--bad)}.none{color:var(--na)}footer{color:var(--na);font-size:13px;text-align:center;padding:0 0 24px}
      svg text{font:12px system-ui,"DejaVu Sans",sans-serif;fill:#1f2328}
      """;
}
