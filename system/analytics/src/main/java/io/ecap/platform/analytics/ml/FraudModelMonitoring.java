package io.ecap.platform.analytics.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.ecap.platform.analytics.jobs.JobContext;
import io.ecap.platform.analytics.jobs.JobEnvironment;
import io.ecap.platform.analytics.jobs.LakeJob;
import io.ecap.platform.analytics.quality.PopulationStability;
import io.ecap.platform.analytics.warehouse.JdbcTarget;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.ModelRegistry;
import io.ecap.platform.core.fraud.model.RegisteredModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Drift monitoring of the production fraud model: PSI of its score (prediction drift) and of each feature (feature
 * drift) on the newest data against the training baseline stored with the model. The newest data is the latest
 * load in the lake, or every order placed on or after {@code --since yyyy-MM-dd}. One row per subject goes to
 * {@code model_monitoring}; a PSI above {@code --psi-threshold} (default 0.25, "significant shift") sets
 * {@code alert} and prints an {@code ALERT} line.
 */
public final class FraudModelMonitoring extends LakeJob {

  public static final double DEFAULT_PSI_THRESHOLD = 0.25;

  /** One monitored subject. */
  public record Drift(String kind, String subject, double psi, double threshold, boolean alert) {
  }

  private List<Drift> lastDrifts = List.of();

  public FraudModelMonitoring(JobEnvironment environment) {
    super(environment);
  }

  public static void main(String[] args) {
    runAndExit(new FraudModelMonitoring(JobEnvironment.fromSystem()), args);
  }

  @Override
  public String name() {
    return "model-monitoring";
  }

  public List<Drift> lastDrifts() {
    return lastDrifts;
  }

  @Override
  protected long run(JobContext context) throws Exception {
    JdbcTarget jdbc = context.jdbc().orElseThrow(() ->
        new IllegalStateException("ECAP_JDBC_URL is not set: the model registry lives in PostgreSQL"));
    RegisteredModel production = new ModelRegistry(jdbc.dataSource()).production(FraudModelTrainer.MODEL_NAME)
        .orElseThrow(() -> new IllegalStateException("no PRODUCTION version of " + FraudModelTrainer.MODEL_NAME
            + " to monitor (run FraudModelTraining first)"));
    double threshold = context.option("psi-threshold").map(Double::parseDouble).orElse(DEFAULT_PSI_THRESHOLD);
    Dataset<Row> features = FraudFeatureTable.fromLake(context.lake());
    Dataset<Row> recent = context.option("since")
        .map(d -> features.filter(col("placed_at").geq(java.sql.Date.valueOf(d))))
        .orElseGet(() -> features.filter(col("load_id").equalTo(features.agg(max("load_id")).head().getString(0))));
    recent = recent.withColumn("score", FraudScoreColumn.of(production.parameters())).cache();
    long scored = recent.count();
    Dataset<Row> baseline = new ModelArtifacts(context.spark(), production.artifactPath()).baseline().cache();

    List<Drift> drifts = drifts(baseline, recent, threshold);
    Instant now = context.clock().instant();
    try (Connection c = jdbc.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO model_monitoring "
        + "(model_name, version, kind, subject, psi, threshold, alert, rows_scored, checked_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Drift d : drifts) {
        ps.setString(1, production.modelName());
        ps.setInt(2, production.version());
        ps.setString(3, d.kind());
        ps.setString(4, d.subject());
        ps.setDouble(5, d.psi());
        ps.setDouble(6, d.threshold());
        ps.setBoolean(7, d.alert());
        ps.setLong(8, scored);
        ps.setTimestamp(9, Timestamp.from(now));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    for (Drift d : drifts) {
      System.out.printf("%s %s %s psi=%.4f threshold=%.2f rows=%d%n", d.alert() ? "ALERT" : "OK", d.kind(), d.subject(),
          d.psi(), d.threshold(), scored);
    }
    lastDrifts = List.copyOf(drifts);
    recent.unpersist();
    baseline.unpersist();
    return drifts.size();
  }

  /** PSI of the score and of each feature of {@code recent} against {@code baseline} (both carry those columns). */
  public static List<Drift> drifts(Dataset<Row> baseline, Dataset<Row> recent, double threshold) {
    List<Drift> drifts = new ArrayList<>();
    drifts.add(drift("PREDICTION", "score", baseline, recent, threshold));
    for (String feature : FraudFeatures.NAMES) {
      drifts.add(drift("FEATURE", feature, baseline, recent, threshold));
    }
    return drifts;
  }

  private static Drift drift(String kind, String column, Dataset<Row> baseline, Dataset<Row> recent, double threshold) {
    double psi = PopulationStability.psi(baseline, recent, column);
    return new Drift(kind, column, psi, threshold, psi > threshold);
  }
}
