package io.ecap.platform.analytics.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expm1;
import static org.apache.spark.sql.functions.log1p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ecap.platform.analytics.SharedLake;
import io.ecap.platform.analytics.TestLake;
import io.ecap.platform.analytics.jobs.LakeJob;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.FraudModelJson;
import io.ecap.platform.core.fraud.model.FraudModelParameters;
import io.ecap.platform.core.fraud.model.FraudModelScorer;
import io.ecap.platform.core.fraud.model.ModelRegistry;
import io.ecap.platform.core.fraud.model.ModelStage;
import io.ecap.platform.core.fraud.model.RegisteredModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Training, evaluation, registry and promotion, export parity with MLlib, reproducibility, drift monitoring. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FraudModelIT {

  static TestLake lake;
  static ModelRegistry registry;

  @BeforeAll
  static void land() {
    lake = SharedLake.get();
    registry = new ModelRegistry(lake.jdbc().dataSource());
  }

  private static RegisteredModel train(String... args) {
    FraudModelTraining job = new FraudModelTraining(lake.environment());
    assertThat(job.execute(args)).isEqualTo(LakeJob.EXIT_OK);
    return job.lastRegistered();
  }

  @Test
  @Order(1)
  void firstModelIsEvaluatedRegisteredExportedAndPromoted() throws Exception {
    RegisteredModel v1 = train("--seed", "7");
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.stage()).isEqualTo(ModelStage.PRODUCTION);
    FraudModelParameters p = v1.parameters();
    assertThat(p.featureNames()).isEqualTo(FraudFeatures.NAMES);
    assertThat(p.metrics().get("auc")).isGreaterThan(0.85);
    assertThat(p.metrics().get("recall_at_threshold")).isGreaterThan(0.5);
    assertThat(p.metrics().get("precision_at_threshold")).isGreaterThan(0.0);
    assertThat(p.metrics().get("test_positives")).isPositive();
    assertThat(registry.production(FraudModelTrainer.MODEL_NAME)).map(RegisteredModel::version).contains(1);
    assertThat(FraudModelJson.readFile(Path.of(v1.artifactPath(), "model.json"))).isEqualTo(p);
    assertThat(Files.isDirectory(Path.of(v1.artifactPath(), "mllib"))).isTrue();
  }

  @Test
  @Order(2)
  void plainJavaScoringOfTheExportReproducesMllibProbabilities() throws Exception {
    RegisteredModel v1 = registry.version(FraudModelTrainer.MODEL_NAME, 1).orElseThrow();
    FraudModelScorer scorer = new FraudModelScorer(v1.parameters());
    LogisticRegressionModel mllib = new ModelArtifacts(TestLake.spark(), v1.artifactPath()).mllibModel();
    List<Row> rows = mllib.transform(FraudFeatureTable.fromLake(lake.tables()).limit(300)).collectAsList();
    for (Row r : rows) {
      double[] features = r.<Vector>getAs(FraudFeatureTable.FEATURES).toArray();
      double expected = r.<Vector>getAs("probability").apply(1);
      assertThat(scorer.score(features)).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  @Order(3)
  void sameSeedSameModelAndATieDoesNotReplaceProduction() throws Exception {
    RegisteredModel v2 = train("--seed", "7");
    RegisteredModel v1 = registry.version(FraudModelTrainer.MODEL_NAME, 1).orElseThrow();
    assertThat(v2.version()).isEqualTo(2);
    // Same seed, same split and model; MLlib sums partition results in arrival order, so equal to ~1e-12, not bits.
    for (int i = 0; i < FraudFeatures.NAMES.size(); i++) {
      assertThat(v2.parameters().coefficients().get(i)).isCloseTo(v1.parameters().coefficients().get(i), within(1e-9));
    }
    assertThat(v2.parameters().intercept()).isCloseTo(v1.parameters().intercept(), within(1e-9));
    assertThat(v2.parameters().metrics().get("auc")).isCloseTo(v1.parameters().metrics().get("auc"), within(1e-9));
    assertThat(v2.parameters().metrics().get("test_rows")).isEqualTo(v1.parameters().metrics().get("test_rows"));
    assertThat(v2.stage()).isEqualTo(ModelStage.STAGING);
    assertThat(registry.production(FraudModelTrainer.MODEL_NAME)).map(RegisteredModel::version).contains(1);
  }

  @Test
  @Order(4)
  void forcedPromotionArchivesThePreviousProductionVersion() throws Exception {
    RegisteredModel v3 = train("--seed", "7", "--reg-param", "0.1", "--promote", "always");
    assertThat(v3.parameters().coefficients()).isNotEqualTo(
        registry.version(FraudModelTrainer.MODEL_NAME, 1).orElseThrow().parameters().coefficients());
    assertThat(v3.stage()).isEqualTo(ModelStage.PRODUCTION);
    assertThat(registry.version(FraudModelTrainer.MODEL_NAME, 1).orElseThrow().stage()).isEqualTo(ModelStage.ARCHIVED);
    assertThat(lake.count("SELECT count(*) FROM model_registry WHERE stage = 'PRODUCTION'")).isEqualTo(1);
  }

  @Test
  @Order(5)
  void monitoringIsQuietOnTrainingLikeDataAndAlertsOnDriftedData() throws Exception {
    FraudModelMonitoring quiet = new FraudModelMonitoring(lake.environment());
    assertThat(quiet.execute()).isEqualTo(LakeJob.EXIT_OK);
    assertThat(quiet.lastDrifts()).noneMatch(FraudModelMonitoring.Drift::alert);

    assertThat(lake.count("SELECT count(*) FROM model_monitoring WHERE version = 3 AND NOT alert")).isEqualTo(1 + 7);

    // The same orders, every one 30 times larger than usual: the amount feature and the score must alert.
    RegisteredModel production = registry.production(FraudModelTrainer.MODEL_NAME).orElseThrow();
    Dataset<Row> baseline = new ModelArtifacts(TestLake.spark(), production.artifactPath()).baseline();
    Dataset<Row> inflated = FraudFeatureTable.fromLake(lake.tables())
        .withColumn("amount_log", log1p(expm1(col("amount_log")).multiply(30)))
        .withColumn("score", FraudScoreColumn.of(production.parameters()));
    List<FraudModelMonitoring.Drift> drifts = FraudModelMonitoring.drifts(baseline, inflated, 0.25);
    assertThat(drifts).filteredOn(FraudModelMonitoring.Drift::alert).extracting(FraudModelMonitoring.Drift::subject)
        .containsExactlyInAnyOrder("amount_log", "score");
  }
}
