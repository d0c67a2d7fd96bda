package io.ecap.testenv.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.sim.OperatorHarness;
import io.ecap.testrunner.metrics.PushgatewayPublisher;
import io.ecap.testrunner.metrics.ResultsMetrics;
import io.ecap.testrunner.results.Outcome;
import io.ecap.testrunner.results.ShardResult;
import io.ecap.testrunner.results.TestCase;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of every dashboard the chart ships names metrics (and grouping labels) that the project
 * really exports: the operator's exposition after a real run on its lifecycle harness, and the
 * runner's metrics as it pushes them (plus the Pushgateway's grouping labels).
 */
class DashboardQueriesTest {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");
  private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "and", "or", "unless", "bool", "offset");
  /** Added by the Pushgateway push (grouping key and job) and by Prometheus' scrape. */
  private static final Set<String> GROUPING_LABELS = Set.of("job", "instance", "run", "shard");

  private static final Map<String, Set<String>> EXPORTED = new HashMap<>();
  private static String operatorExposition;
  private static String runnerExposition;

  @BeforeAll
  static void collectExpositions() throws IOException {
    try (OperatorHarness harness = new OperatorHarness().startOperator()) {
      // One transient API error, so the reconcile-failure series exists as it would on a real cluster.
      harness.cluster.inject("POST", "/secrets", 500, 1);
      harness.create(OperatorHarness.run("dashboards", spec -> { }));
      harness.awaitPhase("dashboards", Phase.Succeeded);
      operatorExposition = harness.scrape();
      parse(operatorExposition);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PrometheusTextFormatWriter(false).write(out, ResultsMetrics.registry(sampleShard()).scrape(),
        EscapingScheme.UNDERSCORE_ESCAPING);
    runnerExposition = out.toString(StandardCharsets.UTF_8);
    parse(runnerExposition);
    assertThat(PushgatewayPublisher.JOB).isEqualTo("ecap-test-runner");
  }

  @Test
  void everyDashboardHasPanelsWithQueries() throws IOException {
    List<JsonNode> dashboards = dashboards();
    assertThat(dashboards).hasSizeGreaterThanOrEqualTo(4);
    for (JsonNode dashboard : dashboards) {
      assertThat(dashboard.path("uid").asText()).startsWith("ecap-");
      assertThat(queries(dashboard)).as(dashboard.path("title").asText()).isNotEmpty();
    }
  }

  @Test
  void everyQueryNamesExportedMetricsAndLabels() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (JsonNode dashboard : dashboards()) {
      for (String query : queries(dashboard)) {
        checked++;
        for (String metric : metricNames(query)) {
          if (!EXPORTED.containsKey(metric)) {
            String prefix = metric.substring(0, Math.max(0, metric.indexOf('_', metric.indexOf('_') + 1)));
            problems.add(dashboard.path("uid").asText() + ": `" + query + "` names " + metric + ", which nothing exports"
                + " (exported beside it: " + EXPORTED.keySet().stream().filter(m -> m.startsWith(prefix)).sorted().toList() + ")");
            continue;
          }
          for (String label : labelsUsed(query)) {
            boolean known = GROUPING_LABELS.contains(label)
                || metricNames(query).stream().anyMatch(m -> EXPORTED.getOrDefault(m, Set.of()).contains(label));
            if (!known) {
              problems.add(dashboard.path("uid").asText() + ": `" + query + "` uses label " + label + ", which "
                  + metricNames(query) + " do not carry");
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  @Test
  void operatorExpositionPassesPromtool() throws IOException, InterruptedException {
    Path promtool = Path.of("/usr/bin/promtool");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(promtool),
        "promtool is missing: make test installs it (test-runner/src/test/scripts/ensure-prometheus.sh)");
    Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (var stdin = process.getOutputStream()) {
      stdin.write(operatorExposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("promtool check metrics on the operator's /metrics:%n%s", output).isZero();
  }

  /**
   * Every query, as Grafana sends it, evaluated by a real Prometheus that scraped the two expositions a few times
   * (the runner's with the run and shard labels its Pushgateway grouping adds): each must parse and return series.
   * Catches what name matching cannot: PromQL syntax, label values, an aggregation that leaves nothing.
   */
  @Test
  void everyQueryReturnsSeriesOnARealPrometheus(@TempDir Path dir) throws Exception {
    Path prometheus = Path.of("/usr/bin/prometheus");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(prometheus),
        "prometheus is missing: make test installs it (test-runner/src/test/scripts/ensure-prometheus.sh)");
    try (ScrapeTargets targets = new ScrapeTargets(Map.of("/operator", operatorExposition, "/runner", runnerExposition));
         LocalPrometheus server = LocalPrometheus.start(prometheus, dir, targets.port())) {
      server.awaitScrapes(3);
      List<String> problems = new ArrayList<>();
      int evaluated = 0;
      for (JsonNode dashboard : dashboards()) {
        for (String query : queries(dashboard)) {
          JsonNode answer = server.query(query);
          evaluated++;
          if (!"success".equals(answer.path("status").asText())) {
            problems.add(dashboard.path("uid").asText() + ": `" + query + "` failed: " + answer.path("error").asText());
          } else if (answer.path("data").path("result").isEmpty()) {
            problems.add(dashboard.path("uid").asText() + ": `" + query + "` returned no series");
          }
        }
      }
      assertThat(evaluated).isGreaterThan(20);
      assertThat(problems).isEmpty();
      // The check can fail: a misnamed metric has no series, broken PromQL is an error.
      assertThat(server.query("sum by (suite) (ecap_test_testz)").path("data").path("result")).isEmpty();
      assertThat(server.query("sum(rate(ecap_test_tests[5m]").path("status").asText()).isEqualTo("error");
    }
  }

  @Test
  void theCheckItselfCatchesAMisnamedMetric() {
    assertThat(metricNames("sum by (suite) (rate(ecap_test_testz{outcome=\"passed\"}[5m]))"))
        .containsExactly("ecap_test_testz");
    assertThat(EXPORTED).doesNotContainKey("ecap_test_testz").containsKey("ecap_test_tests");
  }

  /** Metric names of a PromQL expression: identifiers that are not functions, keywords or label names. */
  static Set<String> metricNames(String query) {
    String stripped = query.replaceAll("\"[^\"]*\"", "\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
    Set<String> names = new HashSet<>();
    Matcher identifiers = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?").matcher(stripped);
    while (identifiers.find()) {
      String word = identifiers.group(1);
      boolean function = identifiers.group(2) != null;
      if (!function && !PROMQL_WORDS.contains(word) && !word.matches("[0-9].*")) {
        names.add(word);
      }
    }
    return names;
  }

  private static Set<String> labelsUsed(String query) {
    Set<String> labels = new HashSet<>();
    Matcher grouping = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)").matcher(query);
    while (grouping.find()) {
      for (String label : grouping.group(1).split(",")) {
        labels.add(label.trim());
      }
    }
    Matcher selectors = Pattern.compile("\\{([^}]*)}").matcher(query);
    while (selectors.find()) {
      Matcher matcher = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)").matcher(selectors.group(1));
      while (matcher.find()) {
        labels.add(matcher.group(1));
      }
    }
    return labels;
  }

  private static void parse(String exposition) {
    for (String line : exposition.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.find()) {
        continue;
      }
      Set<String> labels = EXPORTED.computeIfAbsent(sample.group(1), k -> new HashSet<>());
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.add(label.group(1));
        }
      }
    }
  }

  private static List<JsonNode> dashboards() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Chart.DIR.resolve("dashboards"))) {
      List<JsonNode> all = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        all.add(json.readTree(file.toFile()));
      }
      return all;
    }
  }

  private static List<String> queries(JsonNode dashboard) {
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(target.path("expr").asText().replace("$run", ".*"));
      }
    }
    return queries;
  }

  private static ShardResult sampleShard() {
    Instant now = Instant.now();
    List<TestCase> tests = List.of(
        new TestCase("api", "io.ecap.testrunner.suites.api.TestOrders", "creates", Outcome.PASSED, 0.2, List.of(), null),
        new TestCase("api", "io.ecap.testrunner.suites.api.TestOrders", "pages", Outcome.FLAKY, 0.4, List.of(), null));
    PerformanceFigures performance = new PerformanceFigures();
    performance.setApiP95Millis(42.0);
    performance.setStreamingP99Millis(30.0);
    performance.setQueryMillis(800.0);
    performance.setInferenceP99Millis(0.4);
    performance.setHealthP99Millis(3.0);
    performance.setStreamingEventsPerSecond(1800.0);
    return new ShardResult("dashboards", 0, 1, now.minusSeconds(30), now, List.of("api"), tests, Map.of("api", 12.0),
        Map.of(), performance, null, List.of());
  }
}
