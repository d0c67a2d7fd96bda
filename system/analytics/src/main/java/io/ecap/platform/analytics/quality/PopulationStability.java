package io.ecap.platform.analytics.quality;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Population Stability Index: {@code PSI = sum_i (a_i - e_i) * ln(a_i / e_i)} over bins, where e and a are the
 * shares of the baseline (expected) and of the new data (actual) in each bin. Bins are deciles of the baseline (see
 * {@link #edges}), so each holds ~10% of it. Empty bins are floored at 1e-4 (otherwise ln(0)). Rule of thumb: below 0.1 stable,
 * 0.1-0.25 moderate shift, above 0.25 a significant shift.
 */
public final class PopulationStability {

  private static final double FLOOR = 1e-4;

  private PopulationStability() {
  }

  /** PSI of two histograms over the same bins. */
  public static double psi(long[] expected, long[] actual) {
    if (expected.length != actual.length) {
      throw new IllegalArgumentException("histograms differ in bins: " + expected.length + " vs " + actual.length);
    }
    double e = Arrays.stream(expected).sum();
    double a = Arrays.stream(actual).sum();
    if (e == 0 || a == 0) {
      return 0.0;
    }
    double psi = 0;
    for (int i = 0; i < expected.length; i++) {
      double ei = Math.max(expected[i] / e, FLOOR);
      double ai = Math.max(actual[i] / a, FLOOR);
      psi += (ai - ei) * Math.log(ai / ei);
    }
    return psi;
  }

  /**
   * Bin edges from the deciles of {@code column} in the baseline: {@code -inf, q1..q9, +inf}, duplicates removed;
   * a value that is several deciles at once (a point mass, 10% or more of the baseline) also gets the edge
   * {@code nextUp(q)}, a bin of its own. Without it a 0/1 feature that is 0 in 99% of the baseline (deciles all 0)
   * would put 0 and 1 in the one bin {@code [0, +inf)}, and a shift to all 1s would read as PSI 0.
   */
  public static double[] edges(Dataset<Row> baseline, String column) {
    double[] probs = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    double[] q = baseline.select(col(column).cast(DataTypes.DoubleType).as(column)).na().drop()
        .stat().approxQuantile(column, probs, 0.0);
    double[] inner = Arrays.stream(q).flatMap(v -> Arrays.stream(q).filter(o -> o == v).count() > 1
        ? DoubleStream.of(v, Math.nextUp(v)) : DoubleStream.of(v)).distinct().sorted().toArray();
    double[] edges = new double[inner.length + 2];
    edges[0] = Double.NEGATIVE_INFINITY;
    System.arraycopy(inner, 0, edges, 1, inner.length);
    edges[edges.length - 1] = Double.POSITIVE_INFINITY;
    return edges;
  }

  /** Row counts of {@code column} per bin defined by {@code edges}. */
  public static long[] histogram(Dataset<Row> data, String column, double[] edges) {
    Dataset<Row> values = data.select(col(column).cast(DataTypes.DoubleType).as("_v")).na().drop();
    Bucketizer bucketizer = new Bucketizer().setInputCol("_v").setOutputCol("_bin").setSplits(edges);
    List<Row> counts = bucketizer.transform(values).groupBy("_bin").count().collectAsList();
    long[] histogram = new long[edges.length - 1];
    for (Row r : counts) {
      histogram[(int) r.getDouble(0)] = r.getLong(1);
    }
    return histogram;
  }

  /** PSI of {@code column} in {@code actual} against {@code baseline}, binned by the baseline's deciles. */
  public static double psi(Dataset<Row> baseline, Dataset<Row> actual, String column) {
    double[] edges = edges(baseline, column);
    return psi(histogram(baseline, column, edges), histogram(actual, column, edges));
  }
}
