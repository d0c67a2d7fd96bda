package io.ecap.testrunner.suites.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.lake.AnalyticsDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code ml} suite: the fraud-training job registered a production model with held-out metrics (AUC,
 * precision and recall at its alert threshold) and exported parameters a plain-Java scorer can use, the exported
 * file is those parameters, and model monitoring recorded the drift of the score and of every feature. Skips a
 * check whose job has not run.
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
    List<Object> model = productionModel();
    db.requireSucceeded("model-monitoring");
    List<List<Object>> rows = db.rows("SELECT kind, subject, psi, threshold, alert, rows_scored FROM model_monitoring "
        + "WHERE model_name = ? AND version = ? AND checked_at = (SELECT max(checked_at) FROM model_monitoring "
        + "WHERE model_name = ? AND version = ?)", model.get(0), model.get(1), model.get(0), model.get(1));
    List<String> features = new ArrayList<>();
    JSON.readTree((String) model.get(3)).path("featureNames").forEach(f -> features.add(f.asText()));
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
}
