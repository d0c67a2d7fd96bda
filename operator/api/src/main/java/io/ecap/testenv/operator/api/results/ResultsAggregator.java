package io.ecap.testenv.operator.api.results;

import io.ecap.testenv.operator.api.status.FailureSummary;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.SuiteResult;
import io.ecap.testenv.operator.api.status.TestResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the shards of a run into the figures the status and the report show. Used by the operator
 * and by the embedded launcher alike, so both backends count the same way.
 */
public final class ResultsAggregator {

  /** How many failures the aggregate keeps (the status must stay small). */
  public static final int MAX_FAILURES = 10;

  private ResultsAggregator() {
  }

  public static TestResults results(List<ShardSummary> shards) {
    TestResults results = new TestResults();
    Map<String, SuiteResult> suites = new LinkedHashMap<>();
    List<String> flaky = new ArrayList<>();
    List<FailureSummary> failures = new ArrayList<>();
    for (ShardSummary shard : sorted(shards)) {
      results.setTotal(results.getTotal() + shard.getTotal());
      results.setPassed(results.getPassed() + shard.getPassed());
      results.setFailed(results.getFailed() + shard.getFailed());
      results.setSkipped(results.getSkipped() + shard.getSkipped());
      results.setFlaky(results.getFlaky() + shard.getFlaky());
      for (SuiteResult suite : shard.getSuites()) {
        SuiteResult sum = suites.computeIfAbsent(suite.getName(), name -> {
          SuiteResult s = new SuiteResult();
          s.setName(name);
          return s;
        });
        sum.setTotal(sum.getTotal() + suite.getTotal());
        sum.setPassed(sum.getPassed() + suite.getPassed());
        sum.setFailed(sum.getFailed() + suite.getFailed());
        sum.setSkipped(sum.getSkipped() + suite.getSkipped());
        sum.setFlaky(sum.getFlaky() + suite.getFlaky());
        sum.setDurationSeconds(sum.getDurationSeconds() + suite.getDurationSeconds());
      }
      flaky.addAll(shard.getFlakyTests());
      failures.addAll(shard.getFailures());
    }
    results.setShardsReported(shards.size());
    results.setSuccessRate(successRate(results.getPassed(), results.getTotal() - results.getSkipped()));
    results.setSuites(new ArrayList<>(suites.values()));
    results.setFlakyTests(flaky);
    results.setFailures(failures.size() > MAX_FAILURES ? new ArrayList<>(failures.subList(0, MAX_FAILURES)) : failures);
    return results;
  }

  /** The worst figure of each kind over the shards: a gate must hold for every shard's measurement. */
  public static PerformanceFigures performance(List<ShardSummary> shards) {
    PerformanceFigures worst = new PerformanceFigures();
    for (ShardSummary shard : shards) {
      PerformanceFigures p = shard.getPerformance();
      if (p == null) {
        continue;
      }
      worst.setApiP95Millis(max(worst.getApiP95Millis(), p.getApiP95Millis()));
      worst.setStreamingP99Millis(max(worst.getStreamingP99Millis(), p.getStreamingP99Millis()));
      worst.setQueryMillis(max(worst.getQueryMillis(), p.getQueryMillis()));
      worst.setInferenceP99Millis(max(worst.getInferenceP99Millis(), p.getInferenceP99Millis()));
      worst.setHealthP99Millis(max(worst.getHealthP99Millis(), p.getHealthP99Millis()));
      // Throughput: the lowest is the worst.
      worst.setStreamingEventsPerSecond(min(worst.getStreamingEventsPerSecond(), p.getStreamingEventsPerSecond()));
    }
    return worst;
  }

  /** Clean passes over tests that ran, in percent with two decimals; 0 when nothing ran. */
  public static double successRate(int passed, int ran) {
    return ran <= 0 ? 0.0 : Math.round(10_000.0 * passed / ran) / 100.0;
  }

  private static List<ShardSummary> sorted(List<ShardSummary> shards) {
    return shards.stream().sorted(Comparator.comparingInt(ShardSummary::getShardIndex)).toList();
  }

  private static Double max(Double a, Double b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return Math.max(a, b);
  }

  private static Double min(Double a, Double b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return Math.min(a, b);
  }
}
