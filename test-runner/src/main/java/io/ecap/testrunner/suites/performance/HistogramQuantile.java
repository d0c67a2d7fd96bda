package io.ecap.testrunner.suites.performance;

import io.ecap.testrunner.suites.Exposition;
import java.util.Map;
import java.util.TreeMap;

/**
 * A quantile of a Prometheus histogram's observations between two scrapes, as histogram_quantile computes it:
 * the bucket counts' increase, then linear interpolation inside the bucket where the rank falls.
 */
final class HistogramQuantile {

  private HistogramQuantile() {
  }

  /** Cumulative bucket counts by upper bound (+Inf included) of the histogram {@code name}, summed over labels. */
  static TreeMap<Double, Double> buckets(Exposition scrape, String name) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (Exposition.Sample s : scrape.samples()) {
      if (s.name().equals(name + "_bucket")) {
        String le = s.labels().get("le");
        double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        buckets.merge(bound, s.value(), Double::sum);
      }
    }
    return buckets;
  }

  /** The {@code q} quantile (0..1) of what was observed between {@code before} and {@code after}, in the metric's unit. */
  static double between(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double q) {
    TreeMap<Double, Double> delta = new TreeMap<>();
    after.forEach((bound, count) -> delta.put(bound, count - before.getOrDefault(bound, 0.0)));
    double total = delta.isEmpty() ? 0 : delta.lastEntry().getValue();
    if (total <= 0) {
      throw new IllegalStateException("no observations between the two scrapes");
    }
    double rank = q * total;
    double lower = 0;
    double below = 0;
    for (Map.Entry<Double, Double> bucket : delta.entrySet()) {
      if (bucket.getValue() >= rank) {
        if (bucket.getKey().isInfinite()) {
          return lower;
        }
        double inBucket = bucket.getValue() - below;
        return inBucket <= 0 ? bucket.getKey() : lower + (bucket.getKey() - lower) * (rank - below) / inBucket;
      }
      lower = bucket.getKey();
      below = bucket.getValue();
    }
    return lower;
  }
}
