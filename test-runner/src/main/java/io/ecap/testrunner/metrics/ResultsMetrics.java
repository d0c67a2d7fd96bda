package io.ecap.testrunner.metrics;

import io.ecap.testrunner.results.Outcome;
import io.ecap.testrunner.results.PerformanceFigure;
import io.ecap.testrunner.results.ShardResult;
import io.ecap.testrunner.results.TestCase;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Locale;
import java.util.Map;

/**
 * A shard's results as {@code ecap_test_*} Prometheus metrics, in base units. Gauges, not counters:
 * each push replaces the shard's group with the figures of its run.
 */
public final class ResultsMetrics {

  private ResultsMetrics() {
  }

  public static PrometheusRegistry registry(ShardResult result) {
    PrometheusRegistry registry = new PrometheusRegistry();
    Gauge tests = Gauge.builder().name("ecap_test_tests")
        .help("Tests of the shard by suite and outcome (passed on the first attempt, failed, skipped, flaky).")
        .labelNames("suite", "outcome").register(registry);
    for (String suite : result.suites()) {
      for (Outcome outcome : Outcome.values()) {
        long count = result.tests().stream().filter(t -> t.suite().equals(suite) && t.outcome() == outcome).count();
        tests.labelValues(suite, outcome.name().toLowerCase(Locale.ROOT)).set(count);
      }
    }
    Gauge suiteDuration = Gauge.builder().name("ecap_test_suite_duration_seconds")
        .help("Wall time of each suite in the shard.").unit(Unit.SECONDS).labelNames("suite").register(registry);
    result.suites().forEach(s -> suiteDuration.labelValues(s).set(result.suiteSeconds().getOrDefault(s, 0.0)));
    Gauge testDuration = Gauge.builder().name("ecap_test_longest_test_seconds")
        .help("Longest test of each suite, all attempts included.").labelNames("suite").register(registry);
    for (String suite : result.suites()) {
      testDuration.labelValues(suite).set(result.tests().stream().filter(t -> t.suite().equals(suite))
          .mapToDouble(TestCase::durationSeconds).max().orElse(0));
    }
    Gauge.builder().name("ecap_test_shard_duration_seconds").help("Wall time of the shard.").unit(Unit.SECONDS)
        .register(registry)
        .set((result.finishedAt().toEpochMilli() - result.startedAt().toEpochMilli()) / 1000.0);
    Gauge.builder().name("ecap_test_run_errors").help("Problems of the run itself (unknown suite, timeout...).")
        .register(registry).set(result.errors().size());
    Gauge.builder().name("ecap_test_timed_out").help("1 when the run timeout hit in this shard, else 0.")
        .register(registry).set(result.timedOutTest() == null ? 0 : 1);
    Gauge.builder().name("ecap_test_finished_timestamp_seconds").help("When the shard finished, in Unix time.")
        .unit(Unit.SECONDS).register(registry).set(result.finishedAt().toEpochMilli() / 1000.0);
    Map<PerformanceFigure, String> names = Map.of(
        PerformanceFigure.API_P95_MILLIS, "ecap_test_api_p95_seconds",
        PerformanceFigure.STREAMING_P99_MILLIS, "ecap_test_streaming_p99_seconds",
        PerformanceFigure.QUERY_MILLIS, "ecap_test_query_seconds",
        PerformanceFigure.INFERENCE_P99_MILLIS, "ecap_test_inference_p99_seconds",
        PerformanceFigure.HEALTH_P99_MILLIS, "ecap_test_health_p99_seconds");
    names.forEach((figure, name) -> {
      Double millis = figure.get(result.performance());
      if (millis != null) {
        Gauge.builder().name(name).help(figure.label() + " measured by the performance suites.")
            .register(registry).set(millis / 1000.0);
      }
    });
    Double throughput = PerformanceFigure.STREAMING_EVENTS_PER_SECOND.get(result.performance());
    if (throughput != null) {
      Gauge.builder().name("ecap_test_streaming_throughput_events_per_second")
          .help("Sustained streaming throughput measured by the performance suites.").register(registry).set(throughput);
    }
    return registry;
  }
}
