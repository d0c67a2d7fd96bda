package io.ecap.testenv.operator.results;

import io.ecap.testenv.operator.api.IntegrationTestRunStatus;
import io.ecap.testenv.operator.api.results.QualityGateEvaluator;
import io.ecap.testenv.operator.api.results.ResultsAggregator;
import io.ecap.testenv.operator.api.status.GateResult;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.api.status.TestResults;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.status.Conditions;
import io.ecap.testenv.operator.status.Reasons;
import io.ecap.testenv.operator.status.StatusTransitions;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Turns the shards' summaries into the run's outcome with the shared aggregation and gate
 * evaluation: missing shards and failed tests are TestsFailed, missed gates with every test
 * passing are QualityGatesFailed; the QualityGatesPassed condition names each gate missed.
 */
public final class ResultsJudge {

  private ResultsJudge() {
  }

  public static void judge(IntegrationTestRunStatus status, RunModel model, ShardReport report, boolean timedOut, Instant now) {
    Long generation = status.getObservedGeneration();
    TestResults results = ResultsAggregator.results(report.summaries());
    PerformanceFigures performance = ResultsAggregator.performance(report.summaries());
    QualityGateEvaluator.Verdict verdict = QualityGateEvaluator.evaluate(model.spec().getQualityGates(), results, performance);
    status.setResults(results);
    status.setPerformance(performance);
    status.setGates(verdict.gates());
    status.setTestsFinishedAt(now.toString());
    String missing = report.missing().entrySet().stream()
        .map(e -> "shard " + e.getKey() + " reported no results (" + e.getValue() + ")").collect(Collectors.joining("; "));
    if (report.complete()) {
      Conditions.set(status, Conditions.TESTS_COMPLETED, true, "AllShardsReported",
          report.summaries().size() + " shard(s) reported " + results.getTotal() + " test(s)", generation, now);
    } else {
      Conditions.set(status, Conditions.TESTS_COMPLETED, false, timedOut ? "TimedOut" : "ShardsMissing", missing, generation, now);
    }
    String gates = verdict.passed() ? "all quality gates passed" + notEvaluated(verdict) : "quality gates missed: " + verdict.describeFailures();
    Conditions.set(status, Conditions.QUALITY_GATES_PASSED, verdict.passed() && report.complete(),
        verdict.passed() ? (report.complete() ? "AllGatesPassed" : Reasons.TESTS_FAILED) : Reasons.QUALITY_GATES_FAILED,
        gates, generation, now);
    String counts = results.getTotal() + " test(s): " + results.getPassed() + " passed, " + results.getFailed() + " failed, "
        + results.getFlaky() + " flaky, " + results.getSkipped() + " skipped (" + results.getSuccessRate() + "% success)";
    if (!report.complete()) {
      String prefix = timedOut ? "test phase exceeded its timeout " + model.spec().getTests().getTimeout() + ": " : "";
      StatusTransitions.finished(status, Phase.Failed, Reasons.TESTS_FAILED, prefix + missing + "; " + counts, now);
    } else if (!verdict.passed()) {
      String reason = results.getFailed() > 0 ? Reasons.TESTS_FAILED : Reasons.QUALITY_GATES_FAILED;
      StatusTransitions.finished(status, Phase.Failed, reason, counts + "; " + gates, now);
    } else {
      StatusTransitions.finished(status, Phase.Succeeded, Reasons.SUCCEEDED, counts + "; " + gates, now);
    }
  }

  private static String notEvaluated(QualityGateEvaluator.Verdict verdict) {
    String names = verdict.gates().stream().filter(g -> QualityGateEvaluator.NOT_EVALUATED.equals(g.getOutcome()))
        .map(GateResult::getName).collect(Collectors.joining(", "));
    return names.isEmpty() ? "" : " (not measured: " + names + ")";
  }
}
