package io.ecap.platform.analytics.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.FraudModelParameters;
import io.ecap.platform.core.fraud.model.ModelRegistry;
import java.time.Instant;
import java.util.Arrays;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains the fraud model: MLlib logistic regression on the lake's feature table, classes re-weighted to balance
 * (fraud is ~2% of orders, so unweighted the model would learn to say "no"), evaluated on a held-out split. The
 * exported parameters are MLlib's own coefficients and intercept on the raw feature scale (MLlib standardises
 * internally and maps back), so plain-Java scoring reproduces MLlib's probability exactly.
 */
public final class FraudModelTrainer {

  public static final String MODEL_NAME = ModelRegistry.FRAUD_MODEL;
  public static final String ALGORITHM = "spark-mllib-logistic-regression";

  private final TrainingOptions options;

  public FraudModelTrainer(TrainingOptions options) {
    this.options = options;
  }

  /** The result of one training: the MLlib model, its export (version 0 until registered), metrics, test scores. */
  public record Trained(LogisticRegressionModel model, FraudModelParameters parameters, ModelMetrics metrics) {
  }

  public Trained train(Dataset<Row> featureTable) {
    Dataset<Row> split = featureTable.withColumn("_test",
        pmod(hash(col("order_id"), lit(options.seed())), lit(100)).lt(options.testPercent()));
    Dataset<Row> train = split.filter(col("_test").equalTo(false)).cache();
    Dataset<Row> test = split.filter(col("_test").equalTo(true)).cache();
    long trainRows = train.count();
    long positives = train.filter(col(FraudFeatureTable.LABEL).equalTo(1.0)).count();
    if (positives == 0 || positives == trainRows) {
      throw new IllegalStateException("training data needs both classes: " + positives + " fraud of " + trainRows);
    }
    double positiveWeight = (trainRows - positives) / (double) positives;
    Dataset<Row> weighted = train.withColumn("_weight",
        when(col(FraudFeatureTable.LABEL).equalTo(1.0), positiveWeight).otherwise(1.0));
    LogisticRegressionModel model = new LogisticRegression()
        .setFeaturesCol(FraudFeatureTable.FEATURES).setLabelCol(FraudFeatureTable.LABEL).setWeightCol("_weight")
        .setRegParam(options.regParam()).setElasticNetParam(0.0).setMaxIter(options.maxIterations()).setTol(1e-9)
        .setStandardization(true).setThreshold(options.threshold())
        .fit(weighted);
    ModelMetrics metrics = evaluate(model, test, trainRows);
    FraudModelParameters parameters = new FraudModelParameters(MODEL_NAME, 0, ALGORITHM, FraudFeatures.NAMES,
        model.intercept(), Arrays.stream(model.coefficients().toArray()).boxed().toList(), options.threshold(),
        metrics.asMap(), Instant.now());
    train.unpersist();
    test.unpersist();
    return new Trained(model, parameters, metrics);
  }

  private ModelMetrics evaluate(LogisticRegressionModel model, Dataset<Row> test, long trainRows) {
    Dataset<Row> scored = model.transform(test)
        .withColumn("_p", functions.vector_to_array(col("probability"), "float64").getItem(1)).cache();
    BinaryClassificationEvaluator evaluator = new BinaryClassificationEvaluator()
        .setLabelCol(FraudFeatureTable.LABEL).setRawPredictionCol("rawPrediction");
    double auc = evaluator.setMetricName("areaUnderROC").evaluate(scored);
    double prAuc = evaluator.setMetricName("areaUnderPR").evaluate(scored);
    Row c = scored.agg(
        sum(when(col("_p").geq(options.threshold()).and(col(FraudFeatureTable.LABEL).equalTo(1.0)), 1).otherwise(0)),
        sum(when(col("_p").geq(options.threshold()), 1).otherwise(0)),
        sum(when(col(FraudFeatureTable.LABEL).equalTo(1.0), 1).otherwise(0)),
        sum(lit(1))).head();
    long truePositives = c.getLong(0);
    long alerts = c.getLong(1);
    long positives = c.getLong(2);
    long rows = c.getLong(3);
    scored.unpersist();
    return new ModelMetrics(auc, prAuc, alerts == 0 ? 0.0 : (double) truePositives / alerts,
        positives == 0 ? 0.0 : (double) truePositives / positives, options.threshold(), trainRows, rows, positives);
  }
}
