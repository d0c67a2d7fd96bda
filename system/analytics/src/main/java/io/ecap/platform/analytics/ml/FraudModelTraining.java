package io.ecap.platform.analytics.ml;

import static org.apache.spark.sql.functions.col;

import io.ecap.platform.analytics.jobs.JobContext;
import io.ecap.platform.analytics.jobs.JobEnvironment;
import io.ecap.platform.analytics.jobs.LakeJob;
import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.warehouse.JdbcTarget;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.ModelRegistry;
import io.ecap.platform.core.fraud.model.RegisteredModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains, evaluates, registers and (if it beats production) promotes the fraud model.
 *
 * <p>Usage: {@code FraudModelTraining [--seed 42] [--test-percent 20] [--reg-param 0.001] [--threshold 0.5]
 * [--promote if-better|always|never]}. Needs ECAP_JDBC_URL (the registry) and ECAP_LAKE_PATH. Writes
 * gold/fraud_features, the model's files under {@code <lake>/models/fraud-lr/v<N>/}, a STAGING row in
 * {@code model_registry}, and moves it to PRODUCTION when the policy says so (the fraud service picks it up by
 * polling the registry). Prints one {@code MODEL ...} line with the version, metrics and decision.
 */
public final class FraudModelTraining extends LakeJob {

  private RegisteredModel lastRegistered;

  public FraudModelTraining(JobEnvironment environment) {
    super(environment);
  }

  public static void main(String[] args) {
    runAndExit(new FraudModelTraining(JobEnvironment.fromSystem()), args);
  }

  @Override
  public String name() {
    return "fraud-training";
  }

  /** The version registered by the latest {@link #execute} in this JVM (tests). */
  public RegisteredModel lastRegistered() {
    return lastRegistered;
  }

  @Override
  protected long run(JobContext context) throws Exception {
    JdbcTarget jdbc = context.jdbc().orElseThrow(() ->
        new IllegalStateException("ECAP_JDBC_URL is not set: the model registry lives in PostgreSQL"));
    TrainingOptions options = new TrainingOptions(
        context.option("seed").map(Long::parseLong).orElse(TrainingOptions.DEFAULTS.seed()),
        context.option("test-percent").map(Integer::parseInt).orElse(TrainingOptions.DEFAULTS.testPercent()),
        context.option("reg-param").map(Double::parseDouble).orElse(TrainingOptions.DEFAULTS.regParam()),
        TrainingOptions.DEFAULTS.maxIterations(),
        context.option("threshold").map(Double::parseDouble).orElse(TrainingOptions.DEFAULTS.threshold()));
    PromotionPolicy policy = context.option("promote").map(PromotionPolicy::parse).orElse(PromotionPolicy.IF_BETTER);

    Dataset<Row> features = FraudFeatureTable.fromLake(context.lake()).cache();
    long rows = features.count();
    context.lake().overwrite(features.drop(FraudFeatureTable.FEATURES), Layer.GOLD, "fraud_features");
    FraudModelTrainer.Trained trained = new FraudModelTrainer(options).train(features);

    ModelRegistry registry = new ModelRegistry(jdbc.dataSource());
    Optional<RegisteredModel> production = registry.production(FraudModelTrainer.MODEL_NAME);
    RegisteredModel registered = registry.register(trained.parameters(),
        ModelArtifacts.directoryPattern(context.lake().config().models(), FraudModelTrainer.MODEL_NAME));
    List<Column> baselineColumns = new ArrayList<>();
    baselineColumns.add(col("order_id"));
    FraudFeatures.NAMES.forEach(n -> baselineColumns.add(col(n)));
    baselineColumns.add(FraudScoreColumn.of(registered.parameters()).as("score"));
    new ModelArtifacts(context.spark(), registered.artifactPath())
        .save(registered.parameters(), trained.model(), features.select(baselineColumns.toArray(Column[]::new)));

    PromotionPolicy.Decision decision = policy.decide(trained.metrics(), production);
    lastRegistered = decision.promote() ? registry.promote(FraudModelTrainer.MODEL_NAME, registered.version()) : registered;
    ModelMetrics m = trained.metrics();
    System.out.printf("MODEL %s v%d %s auc=%.4f pr_auc=%.4f precision@%.2f=%.4f recall@%.2f=%.4f test=%d/%d fraud "
            + "promoted=%s (%s) artifacts=%s%n", FraudModelTrainer.MODEL_NAME, registered.version(),
        lastRegistered.stage(), m.auc(), m.prAuc(), m.threshold(), m.precision(), m.threshold(), m.recall(),
        m.testPositives(), m.testRows(), decision.promote(), decision.reason(), registered.artifactPath());
    features.unpersist();
    return rows;
  }
}
