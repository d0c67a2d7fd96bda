package io.ecap.testrunner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ecap.testenv.operator.api.results.QualityGateEvaluator;
import io.ecap.testenv.operator.api.results.ResultsAggregator;
import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.spec.QualityGatesSpec;
import io.ecap.testenv.operator.api.status.GateResult;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.TestResults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of a whole run: the shards aggregated with {@link ResultsAggregator} and judged with
 * {@link QualityGateEvaluator} (the operator's own classes, so both backends decide alike). Written
 * as the run's {@code summary.json} and rendered as its HTML report.
 *
 * @param verdict {@link #PASSED} or {@link #FAILED}
 * @param reasons why a failed run failed: each gate missed, each shard error, each missing shard
 * @param environmentReadySeconds from starting the platform to its readiness; null when not measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(String runId, String runName, String profile, String verdict, List<String> reasons,
    String startedAt, String finishedAt, double durationSeconds, Double environmentReadySeconds, int shardCount,
    List<GateResult> gates, TestResults results, PerformanceFigures performance, List<String> timedOutTests,
    List<String> errors, List<ShardSummary> shards) {

  public static final String PASSED = "Passed";
  public static final String FAILED = "Failed";

  /** What the run was, besides its results. */
  public record RunInfo(String runId, String runName, String profile, Instant startedAt, Instant finishedAt,
      Double environmentReadySeconds, int shardCount) {
  }

  /**
   * @param runErrors problems of the run outside any shard (the environment, a shard that wrote nothing)
   */
  public static RunSummary judge(RunInfo info, QualityGatesSpec gates, List<ShardSummary> shards, List<String> runErrors) {
    TestResults results = ResultsAggregator.results(shards);
    PerformanceFigures performance = ResultsAggregator.performance(shards);
    QualityGateEvaluator.Verdict verdict = QualityGateEvaluator.evaluate(gates == null ? new QualityGatesSpec() : gates,
        results, performance);
    List<String> errors = new ArrayList<>(runErrors);
    for (ShardSummary shard : shards) {
      shard.getErrors().forEach(e -> errors.add("shard " + shard.getShardIndex() + ": " + e));
    }
    List<String> reasons = new ArrayList<>();
    if (!verdict.passed()) {
      reasons.add("quality gates missed: " + verdict.describeFailures());
    }
    if (shards.size() < info.shardCount()) {
      reasons.add((info.shardCount() - shards.size()) + " of " + info.shardCount() + " shards reported no results");
    }
    if (!errors.isEmpty()) {
      reasons.add(errors.size() + " run error(s): " + errors.get(0) + (errors.size() > 1 ? " …" : ""));
    }
    List<String> timedOut = shards.stream().map(ShardSummary::getTimedOutTest).filter(Objects::nonNull).toList();
    return new RunSummary(info.runId(), info.runName(), info.profile(), reasons.isEmpty() ? PASSED : FAILED, reasons,
        info.startedAt().toString(), info.finishedAt().toString(),
        Duration.between(info.startedAt(), info.finishedAt()).toMillis() / 1000.0, info.environmentReadySeconds(),
        info.shardCount(), verdict.gates(), results, performance, timedOut, errors, shards);
  }

  public boolean passed() {
    return PASSED.equals(verdict);
  }
}
