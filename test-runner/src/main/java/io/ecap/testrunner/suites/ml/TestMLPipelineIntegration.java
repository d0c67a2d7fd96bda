package io.ecap.testrunner.suites.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.lake.AnalyticsDb;
import io.ecap.testrunner.suites.lake.DeltaLog;
import io.ecap.testrunner.suites.lake.LandingFiles;
import io.ecap.testrunner.suites.lake.SparkJobRoutes;
import io.ecap.testrunner.suites.PlatformDisruption;
import io.ecap.testrunner.suites.wire.RiskShop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code ml} suite: feature engineering (the lake's feature table has the model's features for every order it
 * was trained and evaluated on), training (a production model registered with held-out metrics, AUC and precision
 * and recall at its alert threshold, and exported parameters a plain-Java scorer can use, also as the model file),
 * serving (the fraud service decides with that production version), monitoring (the drift of the score and of every
 * feature recorded; drift injected through the platform's job API raises alerts). Skips a check whose job has not
 * run. The fraud suite checks the served scores and a retrain-promote-reload cycle.
 */
@Tag("ml")
@RequiresEndpoints(Endpoint.JDBC)
class TestMLPipelineIntegration {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoints endpoints = Endpoints.fromEnvironment();
  private final AnalyticsDb db = new AnalyticsDb(endpoints);

  @AfterEach
  void close() {
    db.close();
  }

  /** [model_name, version, metrics, params, artifact_path] of the production model. */
  private List<Object> productionModel() {
    db.requireSucceeded("fraud-training");
    List<List<Object>> production = db.rows("SELECT model_name, version, metrics::text, params::text, artifact_path, "
        + "promoted_at FROM model_registry WHERE stage = 'PRODUCTION'");
    assertThat(production).as("production models in model_registry").hasSize(1);
    assertThat(production.get(0).get(5)).as("promoted_at").isNotNull();
    return production.get(0);
  }

  @Test
  void aProductionModelIsRegisteredWithHeldOutMetricsAndExportedParameters() throws IOException {
    List<Object> model = productionModel();
    JsonNode metrics = JSON.readTree((String) model.get(2));
    assertThat(metrics.path("auc").asDouble()).as("held-out AUC beats chance").isGreaterThan(0.6).isLessThanOrEqualTo(1);
    assertThat(metrics.path("precision_at_threshold").isNumber()).as("precision at the threshold: " + metrics).isTrue();
    assertThat(metrics.path("precision_at_threshold").asDouble()).isBetween(0.0, 1.0);
    assertThat(metrics.path("recall_at_threshold").asDouble()).as("recall at the threshold").isGreaterThan(0)
        .isLessThanOrEqualTo(1);
    assertThat(metrics.path("test_rows").asDouble()).as("held-out rows").isPositive();
    assertThat(metrics.path("test_positives").asDouble()).as("fraud among the held-out rows").isPositive();
    JsonNode params = JSON.readTree((String) model.get(3));
    assertThat(params.path("featureNames").size()).as("features").isPositive();
    assertThat(params.path("coefficients").size()).isEqualTo(params.path("featureNames").size());
    assertThat(params.path("intercept").isNumber()).isTrue();
    assertThat(params.path("threshold").asDouble()).isEqualTo(metrics.path("threshold").asDouble());
    assertThat(params.path("version").asInt()).isEqualTo(((Number) model.get(1)).intValue());
  }

  /**
   * Feature engineering: the lake's feature table (gold/fraud_features, a Delta table the training job writes) has
   * a column for every feature of the production model's export, and holds as many orders as the model was trained
   * and evaluated on. Read from the table's Delta log (schema and live files' record counts): the runner has no Spark.
   */
  @Test
  void theFeatureTableHoldsTheModelsFeaturesForEveryOrderItWasTrainedAndEvaluatedOn() throws IOException {
    List<Object> model = productionModel();
    Assumptions.assumeTrue(endpoints.get(Endpoint.LAKE).isPresent(), "no ECAP_LAKE_PATH: the lake is not reachable");
    DeltaLog table = DeltaLog.read(Path.of(endpoints.require(Endpoint.LAKE)).resolve("gold/fraud_features"));
    JsonNode params = JSON.readTree((String) model.get(3));
    List<String> features = new ArrayList<>();
    params.path("featureNames").forEach(f -> features.add(f.asText()));
    assertThat(table.columns()).as("columns of gold/fraud_features").contains("order_id", "label")
        .containsAll(features);
    JsonNode metrics = JSON.readTree((String) model.get(2));
    assertThat(table.records()).as("orders in gold/fraud_features = train + held-out rows of %s v%s", model.get(0),
        model.get(1)).isEqualTo(metrics.path("train_rows").asLong() + metrics.path("test_rows").asLong());
  }

  /** Serving: an order placed now is decided by the registry's production version (the fraud suite checks scores). */
  @Test
  void thePromotedModelIsTheOneTheFraudServiceUses() {
    Assumptions.assumeTrue(endpoints.get(Endpoint.API).isPresent() && endpoints.service("fraud").isPresent(),
        "no API or no fraud service in this environment");
    try (PlatformDisruption.Hold undisturbed = new PlatformDisruption(endpoints).shared()) {
      List<Object> model = productionModel();
      RiskShop shop = new RiskShop(new PlatformHttp(endpoints.api(), Duration.ofSeconds(10)));
      String order = shop.order(shop.customer("DE"), shop.product(2_500, "EUR"), 1, "DE", RiskShop.card(), "DE")
          .get("id").asText();
      assertThat(shop.decision(order).path("modelVersion").asText()).as("model deciding order %s", order)
          .isEqualTo(model.get(0) + "-v" + model.get(1));
    }
  }

  @Test
  void theExportedModelFileIsTheRegisteredParameters() throws IOException {
    List<Object> model = productionModel();
    Path artifact = Path.of((String) model.get(4)).resolve("model.json");
    Assumptions.assumeTrue(endpoints.get(Endpoint.LAKE).isPresent() && Files.isRegularFile(artifact),
        "the model artifact " + artifact + " is not reachable from the runner (no ECAP_LAKE_PATH, or an object store)");
    JsonNode exported = JSON.readTree(Files.readString(artifact));
    JsonNode params = JSON.readTree((String) model.get(3));
    for (String field : List.of("modelName", "version", "featureNames", "intercept", "coefficients", "threshold")) {
      assertThat(exported.get(field)).as("model.json %s", field).isEqualTo(params.get(field));
    }
  }

  @Test
  void monitoringRecordsTheDriftOfTheScoreAndOfEveryFeature() throws IOException {
    // The spec's run over the main lake, not one a suite ran over a scratch lake.
    AnalyticsDb.JobRun run = db.requireSucceeded("model-monitoring", SparkJobRoutes.scratchRunIds(endpoints));
    List<List<Object>> rows = monitoringRows(run);
    List<Object> model = rows.isEmpty() ? null : List.of(rows.get(0).get(6), rows.get(0).get(7));
    assertThat(model).as("model_monitoring rows of the model-monitoring run %s", run.runId()).isNotNull();
    List<List<Object>> registered = db.rows("SELECT params::text FROM model_registry WHERE model_name = ? AND "
        + "version = ?", model.get(0), model.get(1));
    assertThat(registered).as("the monitored model %s in model_registry", model).hasSize(1);
    List<String> features = new ArrayList<>();
    JSON.readTree((String) registered.get(0).get(0)).path("featureNames").forEach(f -> features.add(f.asText()));
    assertThat(rows.stream().filter(r -> r.get(0).equals("PREDICTION")).map(r -> r.get(1))).containsExactly("score");
    assertThat(rows.stream().filter(r -> r.get(0).equals("FEATURE")).map(r -> (String) r.get(1)))
        .containsExactlyInAnyOrderElementsOf(features);
    for (List<Object> r : rows) {
      double psi = ((Number) r.get(2)).doubleValue();
      double threshold = ((Number) r.get(3)).doubleValue();
      assertThat(r.get(4)).as("alert of %s (psi %s, threshold %s)", r.get(1), psi, threshold).isEqualTo(psi > threshold);
      assertThat(((Number) r.get(5)).longValue()).as("rows scored").isPositive();
    }
  }

  /**
   * Drift injected, alert raised: a week of orders unlike the training data (brand-new accounts, high amounts,
   * card and shipping countries both foreign) lands in a scratch lake, the platform's model-monitoring job scores it
   * with the production model against that model's training baseline, and raises an alert on the shifted features
   * and on the score, while a feature the batch leaves alone stays quiet.
   */
  @Test
  void injectedDriftRaisesAnAlertOnTheShiftedFeaturesAndTheScore() throws InterruptedException {
    productionModel();
    SparkJobRoutes jobs = new SparkJobRoutes(new PlatformHttp(endpoints.api(), Duration.ofSeconds(30)));
    jobs.assumeEnabled();
    String lake = "drift-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    LandingFiles drifted = new LandingFiles();
    UUID product = UUID.randomUUID();
    drifted.product(product, 45_000, now.minus(Duration.ofDays(90)));
    int orders = 80;
    UUID firstOrder = null;
    for (int i = 0; i < orders; i++) {
      UUID customer = UUID.randomUUID();
      UUID order = UUID.randomUUID();
      Instant placed = now.minus(Duration.ofMinutes(10L * (orders - i)));
      drifted.customer(customer, "DE", placed.minus(Duration.ofMinutes(20)))
          .order(order, customer, product, 1, 45_000, "BR", placed)
          .payment(UUID.randomUUID(), order, customer, 45_000, "card-" + UUID.randomUUID(), "US", placed.plusSeconds(1))
          .click(customer, "DE", placed.minusSeconds(30));
      firstOrder = firstOrder == null ? order : firstOrder;
    }
    drifted.fraudLabel(firstOrder, "COUNTRY_MISMATCH");
    try {
      drifted.upload(jobs, lake);
      JsonNode run = jobs.run("model-monitoring", List.of(), lake, Duration.ofMinutes(10));
      AnalyticsDb.JobRun recorded = db.run(UUID.fromString(run.get("id").asText())).orElseThrow(() ->
          new AssertionError("analytics_job_runs has no model-monitoring run " + run.get("id")));
      Map<String, List<Object>> bySubject = new HashMap<>();
      monitoringRows(recorded).forEach(r -> bySubject.put((String) r.get(1), r));
      for (String shifted : List.of("score", "billing_country_mismatch", "shipping_country_mismatch",
          "account_age_hours_log", "amount_log")) {
        assertThat(bySubject).as("monitored subjects").containsKey(shifted);
        List<Object> r = bySubject.get(shifted);
        assertThat(r.get(4)).as("alert on %s (psi %s > threshold %s)", shifted, r.get(2), r.get(3)).isEqualTo(true);
        assertThat(((Number) r.get(5)).longValue()).as("orders scored").isEqualTo(orders);
      }
      // One order per customer: the velocity feature is 0 throughout, as in most of the training data.
      assertThat(bySubject.get("orders_last_10m").get(4)).as("alert on orders_last_10m (psi %s)",
          bySubject.get("orders_last_10m").get(2)).isEqualTo(false);
    } finally {
      jobs.deleteLake(lake);
    }
  }

  /** [kind, subject, psi, threshold, alert, rows_scored, model_name, version] written during a monitoring run. */
  private List<List<Object>> monitoringRows(AnalyticsDb.JobRun run) {
    return db.rows("SELECT kind, subject, psi, threshold, alert, rows_scored, model_name, version FROM model_monitoring "
        + "WHERE checked_at BETWEEN ? AND ?", Timestamp.from(run.startedAt()), Timestamp.from(run.finishedAt()));
  }
}
