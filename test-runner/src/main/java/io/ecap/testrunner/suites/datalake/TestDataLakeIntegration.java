package io.ecap.testrunner.suites.datalake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.api.ExercisedRoutes;
import io.ecap.testrunner.suites.api.Exercises;
import io.ecap.testrunner.suites.lake.AnalyticsDb;
import io.ecap.testrunner.suites.lake.SparkJobRoutes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code data-lake} suite: the batch ingestion's input (landing JSON Lines) is the seeded dataset, every layer
 * is a Delta table, the data-quality run reported every rule with the critical ones passing, its row totals of the
 * silver tables equal PostgreSQL's seeded rows, and the published quality metrics agree with the report. Needs
 * the lake's path (a shared directory embedded) and PostgreSQL; skips a check whose job has not run.
 *
 * <p>It also lands a crafted dataset with seeded defects in a scratch lake through the API, runs the data-quality job
 * over it and checks the report rule by rule. The runs over scratch lakes are left out of the checks on the seeded
 * dataset: their rows in analytics_job_runs and data_quality_results describe the crafted data.
 *
 * <p>No lake query timing is published here: the runner has no Spark and queries nothing but files, so a figure
 * would not be a lake query's time.
 */
@Tag("data-lake")
@RequiresEndpoints({Endpoint.JDBC, Endpoint.LAKE})
@ExtendWith(ExercisedRoutes.class)
class TestDataLakeIntegration {

  /** Silver tables and the rule whose total_rows counts each. */
  private static final Map<String, String> TABLE_TOTALS = new LinkedHashMap<>();
  /** The same tables in PostgreSQL, restricted to the seeded rows. */
  private static final Map<String, String> SEEDED = new HashMap<>();

  static {
    TABLE_TOTALS.put("orders", "orders.order_id.unique");
    TABLE_TOTALS.put("order_items", "order_items.quantity.in_range");
    TABLE_TOTALS.put("payments", "payments.payment_id.unique");
    TABLE_TOTALS.put("customers", "customers.customer_id.unique");
    TABLE_TOTALS.put("products", "products.product_id.unique");
    String orders = "SELECT id FROM orders WHERE created_at < " + AnalyticsDb.CUTOFF;
    SEEDED.put("orders", "SELECT count(*) FROM (" + orders + ") o");
    SEEDED.put("order_items", "SELECT count(*) FROM order_items WHERE order_id IN (" + orders + ")");
    SEEDED.put("payments", "SELECT count(*) FROM payments WHERE order_id IN (" + orders + ")");
    SEEDED.put("customers", "SELECT count(*) FROM customers WHERE created_at < " + AnalyticsDb.CUTOFF);
    SEEDED.put("products", "SELECT count(*) FROM products WHERE created_at < " + AnalyticsDb.CUTOFF);
  }

  private static final List<String> CRITICAL_RULES = List.of("orders.order_id.complete", "orders.order_id.unique",
      "orders.customer_id.complete", "orders.placed_at.complete", "orders.total_cents.in_range",
      "orders.customer_id.references_customers", "order_items.quantity.in_range",
      "order_items.product_id.references_products", "payments.payment_id.unique", "payments.order_id.references_orders",
      "payments.card_fingerprint.complete", "payments.amount_cents.in_range", "customers.customer_id.unique",
      "products.product_id.unique", "products.price_cents.in_range");

  private final Endpoints endpoints = Endpoints.fromEnvironment();
  private final AnalyticsDb db = new AnalyticsDb(endpoints);
  private final Path lake = Path.of(endpoints.require(Endpoint.LAKE));

  @AfterEach
  void close() {
    db.close();
  }

  /** The data-quality run over the seeded dataset (runs over scratch lakes left out), which must have succeeded. */
  private AnalyticsDb.JobRun seededDataQualityRun() {
    return db.requireSucceeded("data-quality", SparkJobRoutes.scratchRunIds(endpoints));
  }

  /** rule -> [passed, failing_rows, total_rows, kind, severity] of the quality report the data-quality run stored. */
  private Map<String, List<Object>> reportOfTheDataQualityRun() {
    return reportStoredDuring(seededDataQualityRun());
  }

  /**
   * The report a data-quality run stored: the data_quality_results rows checked while it ran (the report's own run id
   * is not the job's; the platform runs one Spark job at a time, so no other report falls in that time).
   */
  private Map<String, List<Object>> reportStoredDuring(AnalyticsDb.JobRun run) {
    List<List<Object>> rows = db.rows("SELECT run_id, rule, passed, failing_rows, total_rows, kind, severity "
        + "FROM data_quality_results WHERE checked_at BETWEEN ? AND ?", Timestamp.from(run.startedAt()),
        Timestamp.from(run.finishedAt()));
    assertThat(rows).as("data_quality_results stored during the data-quality run %s", run.runId()).isNotEmpty();
    assertThat(rows.stream().map(r -> (UUID) r.get(0)).distinct()).as("one report per run").hasSize(1);
    Map<String, List<Object>> report = new LinkedHashMap<>();
    rows.forEach(r -> report.put((String) r.get(1), r.subList(2, 7)));
    return report;
  }

  @Test
  void theDataQualityRunReportsEveryRuleKindAndItsCriticalRulesPass() {
    Map<String, List<Object>> report = reportOfTheDataQualityRun();
    assertThat(report).containsKeys(CRITICAL_RULES.toArray(String[]::new));
    assertThat(report.values().stream().map(r -> (String) r.get(3)).distinct()).containsExactlyInAnyOrder(
        "COMPLETENESS", "UNIQUENESS", "RANGE", "REFERENTIAL_INTEGRITY", "FRESHNESS", "DISTRIBUTION_DRIFT");
    report.forEach((rule, r) -> {
      if ("CRITICAL".equals(r.get(4))) {
        assertThat(r.get(0)).as("critical rule %s passed (%s failing rows)", rule, r.get(1)).isEqualTo(Boolean.TRUE);
        assertThat(((Number) r.get(1)).longValue()).as(rule).isZero();
      }
    });
  }

  @Test
  void silverRowTotalsOfTheQualityReportEqualPostgresSeededRows() {
    Map<String, List<Object>> report = reportOfTheDataQualityRun();
    TABLE_TOTALS.forEach((table, rule) -> {
      assertThat(report).as("report of the data-quality run").containsKey(rule);
      long silver = ((Number) report.get(rule).get(2)).longValue();
      assertThat(silver).as("silver %s rows (rule %s) = PostgreSQL's seeded %s", table, rule, table)
          .isPositive().isEqualTo(db.count(SEEDED.get(table)));
    });
  }

  @Test
  void theLandingZoneHoldsTheSeededDatasetAndEveryLayerIsADeltaTable() throws IOException {
    Path landing = lake.resolve("landing");
    assertThat(lines(landing.resolve("orders.jsonl"))).as("landed orders").isEqualTo(db.count(SEEDED.get("orders")));
    assertThat(lines(landing.resolve("payments.jsonl"))).isEqualTo(db.count(SEEDED.get("payments")));
    assertThat(lines(landing.resolve("customers.jsonl"))).isEqualTo(db.count(SEEDED.get("customers")));
    assertThat(lines(landing.resolve("products.jsonl"))).isEqualTo(db.count(SEEDED.get("products")));
    assertThat(lines(landing.resolve("clickstream.jsonl"))).isPositive();
    seededDataQualityRun();
    for (String source : List.of("orders", "payments", "clickstream", "customers", "products", "fraud_labels")) {
      assertDeltaTable(lake.resolve("bronze").resolve(source));
    }
    for (String table : List.of("orders", "order_items", "payments", "clickstream", "customers", "products")) {
      assertDeltaTable(lake.resolve("silver").resolve(table));
    }
    if (db.latestRun("rfm").isPresent()) {
      assertDeltaTable(lake.resolve("gold/customer_rfm"));
    }
  }

  @Test
  void thePublishedQualityMetricsAgreeWithTheLatestReport() throws IOException {
    Set<UUID> scratchRuns = SparkJobRoutes.scratchRunIds(endpoints);
    db.requireSucceeded("data-quality", scratchRuns);
    Path metrics = lake.resolve("_meta/metrics/data_quality.prom");
    assertThat(metrics).as("quality metrics file").exists();
    List<List<Object>> latest = db.rows("SELECT rule, failing_rows, passed FROM data_quality_results WHERE run_id = ?",
        latestReportOverTheMainLake(scratchRuns));
    Pattern sample = Pattern.compile("^(ecap_data_quality_\\w+)\\{rule=\"([^\"]+)\"[^}]*} (\\S+)$");
    Map<String, Double> failing = new HashMap<>();
    Map<String, Double> passed = new HashMap<>();
    for (String line : Files.readAllLines(metrics)) {
      Matcher m = sample.matcher(line);
      if (m.matches()) {
        (m.group(1).equals("ecap_data_quality_failing_rows") ? failing : passed).put(m.group(2),
            Double.parseDouble(m.group(3)));
      }
    }
    assertThat(latest).isNotEmpty();
    for (List<Object> row : latest) {
      assertThat(failing.get((String) row.get(0))).as("failing rows of %s", row.get(0))
          .isEqualTo(((Number) row.get(1)).doubleValue());
      assertThat(passed.get((String) row.get(0))).as("passed of %s", row.get(0))
          .isEqualTo(Boolean.TRUE.equals(row.get(2)) ? 1.0 : 0.0);
    }
  }

  /**
   * The newest stored report (any job's gate stores one) but those made during runs over scratch lakes: the main
   * lake's metrics file is the latest report over the main lake.
   */
  private UUID latestReportOverTheMainLake(Set<UUID> scratchRuns) {
    List<AnalyticsDb.JobRun> scratch = scratchRuns.stream().map(db::run).flatMap(Optional::stream).toList();
    for (List<Object> report : db.rows("SELECT run_id, max(checked_at) AS at FROM data_quality_results GROUP BY run_id"
        + " ORDER BY at DESC")) {
      Instant at = ((Timestamp) report.get(1)).toInstant();
      boolean duringScratchRun = scratch.stream().anyMatch(r -> !at.isBefore(r.startedAt())
          && (r.finishedAt() == null || !at.isAfter(r.finishedAt())));
      if (!duringScratchRun) {
        return (UUID) report.get(0);
      }
    }
    throw new AssertionError("no data-quality report over the main lake in data_quality_results");
  }

  @Test
  @Exercises({"PUT /api/v1/admin/lakes/{lake}/landing/{source}", "POST /api/v1/admin/spark-jobs",
      "GET /api/v1/admin/spark-jobs/{id}", "GET /api/v1/admin/spark-jobs", "DELETE /api/v1/admin/lakes/{lake}"})
  void aDatasetWithSeededDefectsIsCaughtRuleByRule() throws Exception {
    Assumptions.assumeTrue(endpoints.get(Endpoint.API).isPresent(), Endpoint.API.variable() + " is not set ("
        + Endpoint.API.description() + "): the crafted dataset goes to the lake through the API");
    SparkJobRoutes jobs = new SparkJobRoutes(new PlatformHttp(endpoints.api(), Duration.ofSeconds(30))
        .observed(ExercisedRoutes::record));
    jobs.assumeEnabled();
    SeededDefects data = SeededDefects.build();
    String scratch = "defects-" + UUID.randomUUID().toString().substring(0, 8);
    boolean deleted = false;
    try {
      data.files().upload(jobs, scratch);

      String id = jobs.submit("data-quality", List.of(), scratch).get("id").asText();
      JsonNode run = jobs.awaitEnded(id, Duration.ofMinutes(10));
      assertThat(run.get("exitCode").asInt()).as("exit code of %s (2: stopped by the data-quality gate)", run)
          .isEqualTo(2);
      assertThat(run.get("state").asText()).isEqualTo("FAILED");
      assertThat(jobs.runs()).as("runs of the platform").anyMatch(r -> r.get("id").asText().equals(id)
          && r.get("lake").asText().equals(scratch));

      AnalyticsDb.JobRun recorded = db.run(UUID.fromString(id)).orElseThrow(() -> new AssertionError(
          "no analytics_job_runs row with run_id " + id + "; the job's output: " + run.get("logTail")));
      assertThat(recorded.job()).isEqualTo("data-quality");
      assertThat(recorded.status()).isEqualTo("FAILED");
      long critical = data.failingRows().keySet().stream().filter(CRITICAL_RULES::contains).count();
      assertThat(recorded.message()).startsWith("silver -> gold promotion stopped by " + critical
          + " critical data-quality rule(s)");

      Map<String, List<Object>> report = reportStoredDuring(recorded);
      assertThat(report).as("rules of the report").containsKeys(CRITICAL_RULES.toArray(String[]::new))
          .containsKeys(data.failingRows().keySet().toArray(String[]::new));
      report.forEach((rule, r) -> {
        long failing = ((Number) r.get(1)).longValue();
        Long seeded = data.failingRows().get(rule);
        if (seeded == null) {
          assertThat(r.get(0)).as("rule %s passed (%s failing rows): no defect of its kind was seeded", rule, failing)
              .isEqualTo(Boolean.TRUE);
          assertThat(failing).as("failing rows of %s", rule).isZero();
        } else {
          assertThat(r.get(0)).as("rule %s failed: %s were seeded", rule, seeded).isEqualTo(Boolean.FALSE);
          assertThat(failing).as("failing rows of %s", rule).isEqualTo(seeded);
          assertThat(recorded.message().contains(rule + " failed on " + failing + " of "))
              .as("%s named in the job's message", rule).isEqualTo(CRITICAL_RULES.contains(rule));
        }
        String table = rule.substring(0, rule.indexOf('.'));
        assertThat(((Number) r.get(2)).longValue()).as("silver rows of %s seen by %s (after de-duplication)", table,
            rule).isEqualTo(data.silverRows().get(table));
      });

      assertThat(jobs.deleteLake(scratch)).as("scratch lake %s removed", scratch).isEqualTo(204);
      deleted = true;
    } finally {
      if (!deleted) {
        jobs.deleteLake(scratch);
      }
    }
  }

  private static long lines(Path file) throws IOException {
    assertThat(file).exists();
    try (Stream<String> lines = Files.lines(file)) {
      return lines.filter(l -> !l.isBlank()).count();
    }
  }

  private static void assertDeltaTable(Path table) throws IOException {
    Path log = table.resolve("_delta_log");
    assertThat(log).as("Delta log of %s", table).isDirectory();
    try (Stream<Path> commits = Files.list(log)) {
      assertThat(commits.map(p -> p.getFileName().toString())).as("commits of %s", table)
          .anyMatch(n -> n.matches("\\d{20}\\.json"));
    }
  }
}
