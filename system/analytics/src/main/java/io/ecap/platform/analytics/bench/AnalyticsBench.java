package io.ecap.platform.analytics.bench;


import io.ecap.platform.analytics.lake.LakeConfig;
import io.ecap.platform.analytics.lake.LakeRefresh;
import io.ecap.platform.analytics.lake.LakeSession;
import io.ecap.platform.analytics.lake.LakeTables;
import io.ecap.platform.analytics.lake.Layer;
import io.ecap.platform.analytics.lake.LoadId;
import io.ecap.platform.analytics.lake.SilverTables;
import io.ecap.platform.analytics.lake.StandardQueries;
import io.ecap.platform.analytics.ml.FraudFeatureTable;
import io.ecap.platform.analytics.ml.FraudModelTrainer;
import io.ecap.platform.analytics.ml.TrainingOptions;
import io.ecap.platform.core.fraud.features.FraudFeatures;
import io.ecap.platform.core.fraud.model.FraudModelScorer;
import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import io.ecap.platform.core.generator.sinks.JsonLinesDatasetWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark for {@code make bench}, analytics side (run by {@code mvn -Pbench verify -DskipTests} in system/analytics):
 * warm lake query times of the standard analytics queries on the small and medium profiles beside the same queries
 * on a plain Parquet copy of the same silver tables; training time on 100k orders; scoring p99 of the exported
 * model in plain Java beside MLlib's one-row transform (and a bare dot product).
 */
public final class AnalyticsBench {

  private static final int WARM_RUNS = 5;

  private AnalyticsBench() {
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "target/bench");
    SparkSession spark = LakeSession.create("analytics-bench");
    List<String> report = new ArrayList<>();
    LakeTables medium = null;
    for (DatasetProfile profile : List.of(DatasetProfile.SMALL, DatasetProfile.MEDIUM)) {
      LakeTables lake = load(spark, work.resolve(profile.name()), profile, report);
      queries(spark, lake, profile.name(), work.resolve(profile.name()).resolve("parquet"), report);
      medium = lake;
    }
    training(medium, report);
    System.out.println();
    System.out.println("=== analytics bench (2 cores, local[2]) ===");
    report.forEach(System.out::println);
    spark.stop();
  }

  private static LakeTables load(SparkSession spark, Path dir, DatasetProfile profile, List<String> report)
      throws Exception {
    LakeConfig config = LakeConfig.local(dir);
    LakeTables lake = new LakeTables(spark, config);
    if (!lake.exists(Layer.SILVER, SilverTables.ORDERS)) {
      long t0 = System.nanoTime();
      new ECommerceDataGenerator(42, profile).generate(new JsonLinesDatasetWriter(Path.of(config.landing())));
      long t1 = System.nanoTime();
      new LakeRefresh(lake).refresh(LoadId.next());
      long t2 = System.nanoTime();
      report.add(String.format("%-6s load: generate %.1f s, landing -> bronze -> silver %.1f s (%d orders)",
          profile.name(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, lake.read(Layer.SILVER, SilverTables.ORDERS).count()));
    }
    return lake;
  }

  private static void queries(SparkSession spark, LakeTables lake, String profile, Path parquet, List<String> report) {
    for (String table : List.of("orders", "order_items", "products")) {
      Path copy = parquet.resolve(table);
      if (!Files.exists(copy)) {
        lake.read(Layer.SILVER, table).write().parquet(copy.toString());
      }
    }
    Function<String, Dataset<Row>> delta = t -> lake.read(Layer.SILVER, t);
    Function<String, Dataset<Row>> plain = t -> spark.read().parquet(parquet.resolve(t).toString());
    StandardQueries.ALL.forEach(q -> {
      double[] d = time(() -> q.plan().apply(delta).collectAsList());
      double[] p = time(() -> q.plan().apply(plain).collectAsList());
      report.add(String.format("%-6s query %-18s Delta median %4.0f ms max %4.0f ms | Parquet baseline median %4.0f ms "
          + "max %4.0f ms", profile, q.name(), d[0], d[1], p[0], p[1]));
    });
  }

  /** Warm timing: one untimed run, then the median and max of {@value #WARM_RUNS} runs, in ms. */
  private static double[] time(Runnable query) {
    query.run();
    double[] ms = new double[WARM_RUNS];
    for (int i = 0; i < WARM_RUNS; i++) {
      long t = System.nanoTime();
      query.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[WARM_RUNS / 2], ms[WARM_RUNS - 1]};
  }

  private static void training(LakeTables lake, List<String> report) {
    Dataset<Row> features = FraudFeatureTable.fromLake(lake).cache();
    long rows = features.count();
    long t = System.nanoTime();
    FraudModelTrainer.Trained trained = new FraudModelTrainer(TrainingOptions.DEFAULTS).train(features);
    double seconds = (System.nanoTime() - t) / 1e9;
    report.add(String.format("training: logistic regression on %d orders (train+held-out eval) %.1f s, AUC %.4f",
        rows, seconds, trained.metrics().auc()));

    List<double[]> vectors = features.select(FraudFeatureTable.FEATURES).limit(20_000).collectAsList().stream()
        .map(r -> r.<Vector>getAs(0).toArray()).toList();
    FraudModelScorer scorer = new FraudModelScorer(trained.parameters());
    double[] weights = trained.parameters().coefficients().stream().mapToDouble(Double::doubleValue).toArray();
    double sink = 0;
    long[] java = new long[vectors.size() * 5];
    long[] dot = new long[vectors.size() * 5];
    for (int round = 0; round < 2; round++) { // round 0 warms the JIT
      for (int i = 0; i < java.length; i++) {
        double[] x = vectors.get(i % vectors.size());
        long s = System.nanoTime();
        sink += scorer.score(x);
        java[i] = System.nanoTime() - s;
        s = System.nanoTime();
        double z = 0;
        for (int k = 0; k < weights.length; k++) {
          z += weights[k] * x[k];
        }
        sink += z;
        dot[i] = System.nanoTime() - s;
      }
    }
    LogisticRegressionModel model = trained.model();
    Dataset<Row> one = features.limit(1).cache();
    one.count();
    long[] mllib = new long[200];
    for (int i = 0; i < 20; i++) {
      model.transform(one).select("probability").collectAsList();
    }
    for (int i = 0; i < mllib.length; i++) {
      long s = System.nanoTime();
      sink += model.transform(one).select("probability").collectAsList().get(0).<Vector>getAs(0).apply(1);
      mllib[i] = System.nanoTime() - s;
    }
    report.add(String.format("scoring p50/p99: exported model in plain Java %.2f/%.2f us | bare dot product %.2f/%.2f us "
            + "| MLlib one-row transform %.1f/%.1f ms (%d features; checksum %.1f)",
        pct(java, 50) / 1e3, pct(java, 99) / 1e3, pct(dot, 50) / 1e3, pct(dot, 99) / 1e3,
        pct(mllib, 50) / 1e6, pct(mllib, 99) / 1e6, FraudFeatures.NAMES.size(), sink % 1000));
    features.unpersist();
  }

  private static double pct(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
