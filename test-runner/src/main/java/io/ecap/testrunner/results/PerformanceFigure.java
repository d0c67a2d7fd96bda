package io.ecap.testrunner.results;

import io.ecap.testenv.operator.api.status.PerformanceFigures;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The performance figures a suite can measure. A suite publishes one as a JUnit report entry
 * ({@code testReporter.publishEntry(figure.entryKey(), value)}); the launcher collects them into the
 * shard summary's {@link PerformanceFigures}, keeping the worst value when one is published twice.
 */
public enum PerformanceFigure {
  API_P95_MILLIS("apiP95Millis", "API p95", "ms", PerformanceFigures::getApiP95Millis, PerformanceFigures::setApiP95Millis, true),
  STREAMING_P99_MILLIS("streamingP99Millis", "Streaming p99", "ms", PerformanceFigures::getStreamingP99Millis,
      PerformanceFigures::setStreamingP99Millis, true),
  QUERY_MILLIS("queryMillis", "Query time", "ms", PerformanceFigures::getQueryMillis, PerformanceFigures::setQueryMillis, true),
  INFERENCE_P99_MILLIS("inferenceP99Millis", "Inference p99", "ms", PerformanceFigures::getInferenceP99Millis,
      PerformanceFigures::setInferenceP99Millis, true),
  HEALTH_P99_MILLIS("healthP99Millis", "Health p99", "ms", PerformanceFigures::getHealthP99Millis,
      PerformanceFigures::setHealthP99Millis, true),
  STREAMING_EVENTS_PER_SECOND("streamingEventsPerSecond", "Streaming throughput", "events/s",
      PerformanceFigures::getStreamingEventsPerSecond, PerformanceFigures::setStreamingEventsPerSecond, false);

  private static final String ENTRY_PREFIX = "ecap.performance.";

  private final String field;
  private final String label;
  private final String unit;
  private final Function<PerformanceFigures, Double> getter;
  private final BiConsumer<PerformanceFigures, Double> setter;
  private final boolean higherIsWorse;

  PerformanceFigure(String field, String label, String unit, Function<PerformanceFigures, Double> getter,
      BiConsumer<PerformanceFigures, Double> setter, boolean higherIsWorse) {
    this.field = field;
    this.label = label;
    this.unit = unit;
    this.getter = getter;
    this.setter = setter;
    this.higherIsWorse = higherIsWorse;
  }

  /** The field name in {@link PerformanceFigures} and the quality gate of the same name. */
  public String field() {
    return field;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  public boolean higherIsWorse() {
    return higherIsWorse;
  }

  /** The JUnit report entry key a suite publishes this figure under. */
  public String entryKey() {
    return ENTRY_PREFIX + field;
  }

  public static Optional<PerformanceFigure> fromEntryKey(String key) {
    return Arrays.stream(values()).filter(f -> f.entryKey().equals(key)).findFirst();
  }

  public Double get(PerformanceFigures figures) {
    return figures == null ? null : getter.apply(figures);
  }

  /** Records {@code value}, keeping the worse of it and what is already there. */
  public void merge(PerformanceFigures figures, double value) {
    Double current = getter.apply(figures);
    if (current == null || (higherIsWorse ? value > current : value < current)) {
      setter.accept(figures, value);
    }
  }
}
