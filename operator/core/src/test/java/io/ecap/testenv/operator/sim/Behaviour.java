package io.ecap.testenv.operator.sim;

import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.SuiteResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** What the simulated cluster does: which components never get ready, which fail, what the shards report. */
public final class Behaviour {

  /** Components that never become ready: postgres, redis, kafka, kafka-topics, deployment name, seed, spark job name. */
  public final Set<String> neverReady = ConcurrentHashMap.newKeySet();
  /** Jobs or Spark drivers that fail: "seed", a Spark job's name. */
  public final Set<String> failing = ConcurrentHashMap.newKeySet();
  /** Pods (by workload name) whose container is OOMKilled. */
  public final Set<String> oomKilled = ConcurrentHashMap.newKeySet();
  /** When false the cluster does nothing at all (a frozen kubelet), e.g. while an operator restarts. */
  public volatile boolean active = true;
  /** Shards also write their ConfigMap (else only the termination message holds the summary). */
  public volatile boolean writeConfigMaps = true;
  /** The summary of shard (index, total) of run id. */
  public volatile BiFunction<String, int[], ShardSummary> summaries = (run, shard) -> passing(run, shard[0], shard[1], 10);

  public static ShardSummary passing(String run, int index, int total, int tests) {
    return summary(run, index, total, tests, 0, 40.0);
  }

  public static ShardSummary summary(String run, int index, int total, int passed, int failed, double apiP95) {
    ShardSummary summary = new ShardSummary();
    summary.setRunId(run);
    summary.setShardIndex(index);
    summary.setShardCount(total);
    summary.setTotal(passed + failed);
    summary.setPassed(passed);
    summary.setFailed(failed);
    summary.setDurationSeconds(12.5);
    SuiteResult suite = new SuiteResult();
    suite.setName(index == 0 ? "api" : "streaming");
    suite.setTotal(passed + failed);
    suite.setPassed(passed);
    suite.setFailed(failed);
    suite.setDurationSeconds(12.5);
    summary.setSuites(List.of(suite));
    PerformanceFigures performance = new PerformanceFigures();
    performance.setApiP95Millis(apiP95);
    performance.setStreamingP99Millis(20.0);
    performance.setQueryMillis(100.0);
    performance.setInferenceP99Millis(5.0);
    performance.setHealthP99Millis(2.0);
    summary.setPerformance(performance);
    if (failed > 0) {
      io.ecap.testenv.operator.api.status.FailureSummary failure = new io.ecap.testenv.operator.api.status.FailureSummary();
      failure.setSuite(suite.getName());
      failure.setTest("OrdersApiTest.createsOrder");
      failure.setMessage("expected 201 but was 500");
      summary.setFailures(List.of(failure));
    }
    return summary;
  }
}
