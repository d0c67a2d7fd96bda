package io.ecap.testrunner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.spec.QualityGatesSpec;
import io.ecap.testrunner.launch.SampleShards;
import io.ecap.testrunner.launch.ShardEnvironment;
import io.ecap.testrunner.results.ShardSummaries;
import io.ecap.testrunner.samples.FlakyChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of real shard results, rendered by Debian's headless Chromium: it renders, says the
 * verdict and the gates first, logs no console error, and a screenshot is written to
 * target/chromium/report.png for a person to look at.
 */
class HtmlReportChromiumTest {

  private static final Path OUTPUT = Path.of("target", "chromium");

  private static HeadlessChromium chromium;

  @TempDir
  Path dir;

  @BeforeAll
  static void startChromium() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(HeadlessChromium.BINARY),
        "HTML report test skipped: /usr/bin/chromium is missing; run test-runner/src/test/scripts/ensure-chromium.sh "
            + "(Debian package chromium)");
    chromium = HeadlessChromium.start();
  }

  @AfterAll
  static void stopChromium() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aFailedRunsReportRendersWithItsVerdictGatesFailuresAndChart() throws Exception {
    Path html = OUTPUT.resolve("report.html").toAbsolutePath();
    HtmlReport.write(failedRun(), html);
    chromium.load(html.toUri().toString());

    assertThat(chromium.evaluate("document.title").asText()).contains("FAILED");
    assertThat(chromium.evaluate("document.querySelector('#verdict h1').textContent").asText()).startsWith("FAILED");
    JsonNode layout = chromium.evaluate("""
        (() => {
          const top = id => document.getElementById(id).getBoundingClientRect().top;
          const chart = document.getElementById('performance-chart').getBoundingClientRect();
          return {
            verdictTop: top('verdict'), gatesTop: top('gates'), suitesTop: top('suites'), failuresTop: top('failures'),
            gateRows: document.querySelectorAll('#gates tbody tr').length,
            failedGates: [...document.querySelectorAll('#gates tbody tr.bad td:first-child')].map(td => td.textContent),
            failures: document.querySelectorAll('#failures .failure').length,
            flaky: document.querySelector('#flaky').textContent,
            chartWidth: chart.width, chartHeight: chart.height,
            bars: document.querySelectorAll('#performance-chart rect').length,
            overflow: document.documentElement.scrollWidth > window.innerWidth,
            resources: performance.getEntriesByType('resource').length
          };
        })()""");
    assertThat(layout.get("verdictTop").asDouble()).isLessThan(layout.get("gatesTop").asDouble());
    assertThat(layout.get("gatesTop").asDouble()).isLessThan(layout.get("suitesTop").asDouble());
    assertThat(layout.get("suitesTop").asDouble()).isLessThan(layout.get("failuresTop").asDouble());
    assertThat(layout.get("gateRows").asInt()).isEqualTo(4);
    assertThat(layout.get("failedGates").toString()).contains("minSuccessRate").contains("apiP95Millis");
    assertThat(layout.get("failures").asInt()).isEqualTo(2);
    assertThat(layout.get("flaky").asText()).contains("FlakyChecks.passesOnSecondAttempt");
    assertThat(layout.get("chartWidth").asDouble()).isGreaterThan(300);
    assertThat(layout.get("chartHeight").asDouble()).isGreaterThan(100);
    assertThat(layout.get("bars").asInt()).as("only measured figures are drawn").isEqualTo(1);
    assertThat(layout.get("overflow").asBoolean()).as("horizontal overflow").isFalse();
    assertThat(layout.get("resources").asInt()).as("external resources loaded").isZero();
    assertThat(chromium.consoleProblems()).isEmpty();

    byte[] png = chromium.screenshot();
    Files.write(OUTPUT.resolve("report.png"), png);
    assertThat(png).hasSizeGreaterThan(10_000);
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  @Test
  void theConsoleCheckCatchesAPageThatLogsAnError() throws Exception {
    Path page = dir.resolve("broken.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('broken chart');"
        + "undefinedFunction();</script></body></html>");
    chromium.load(page.toUri().toString());
    Thread.sleep(200);
    assertThat(chromium.consoleProblems()).anySatisfy(p -> assertThat(p).contains("broken chart"))
        .anySatisfy(p -> assertThat(p).contains("undefinedFunction"));
  }

  private RunSummary failedRun() {
    FlakyChecks.reset();
    ShardSummary zero = ShardSummaries.of(new SampleShards(dir.resolve("0")).with(ShardEnvironment.SUITES, "alpha,beta,flaky,measuring")
        .with(ShardEnvironment.RETRIES, "1").with(ShardEnvironment.SHARD_TOTAL, "2").with(ShardEnvironment.SHARD_INDEX, "0").run());
    FlakyChecks.reset();
    ShardSummary one = ShardSummaries.of(new SampleShards(dir.resolve("1")).with(ShardEnvironment.SUITES, "alpha,beta,flaky,measuring")
        .with(ShardEnvironment.RETRIES, "1").with(ShardEnvironment.SHARD_TOTAL, "2").with(ShardEnvironment.SHARD_INDEX, "1").run());
    QualityGatesSpec gates = new QualityGatesSpec();
    gates.setMinSuccessRate(95.0);
    gates.setApiP95Millis(40);
    gates.setHealthP99Millis(10);
    gates.setMaxFlakyTests(3);
    Instant now = Instant.now();
    return RunSummary.judge(new RunSummary.RunInfo("sample-run-20261125", "sample-run", "small", now.minusSeconds(95),
        now, 7.4, 2), gates, List.of(zero, one), List.of());
  }
}
