package io.ecap.testrunner.suites;

import io.ecap.testrunner.results.PerformanceFigure;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.TestReporter;

/** How a suite hands a measured figure to the summary, the quality gates and the report. */
public final class Performance {

  private Performance() {
  }

  public static void publish(TestReporter reporter, PerformanceFigure figure, double value) {
    reporter.publishEntry(figure.entryKey(), String.format(Locale.ROOT, "%.3f", value));
  }

  /** The {@code p}-th percentile (0..100) of the samples, nearest rank. */
  public static double percentile(double[] samples, double p) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
