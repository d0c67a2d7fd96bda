package io.ecap.testrunner.results;

import io.ecap.testenv.operator.api.results.ResultsAggregator;
import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.status.FailureSummary;
import io.ecap.testenv.operator.api.status.SuiteResult;
import java.util.ArrayList;
import java.util.List;

/** Turns a shard's full result into the results contract the operator reads ({@link ShardSummary}). */
public final class ShardSummaries {

  /** Stack trace lines kept per failure: the start is what a person needs, the rest is in the JUnit XML. */
  static final int STACK_LINES = 8;
  static final int MESSAGE_CHARS = 500;

  private ShardSummaries() {
  }

  public static ShardSummary of(ShardResult result) {
    ShardSummary summary = new ShardSummary();
    summary.setRunId(result.runId());
    summary.setShardIndex(result.shardIndex());
    summary.setShardCount(result.shardCount());
    summary.setStartedAt(result.startedAt().toString());
    summary.setFinishedAt(result.finishedAt().toString());
    summary.setDurationSeconds(seconds(result.finishedAt().toEpochMilli() - result.startedAt().toEpochMilli()));
    summary.setTotal(result.tests().size());
    summary.setPassed((int) result.count(Outcome.PASSED));
    summary.setFailed((int) result.count(Outcome.FAILED));
    summary.setSkipped((int) result.count(Outcome.SKIPPED));
    summary.setFlaky((int) result.count(Outcome.FLAKY));
    List<SuiteResult> suites = new ArrayList<>();
    for (String suite : result.suites()) {
      suites.add(suite(suite, result));
    }
    summary.setSuites(suites);
    summary.setFlakyTests(result.tests().stream().filter(t -> t.outcome() == Outcome.FLAKY).map(TestCase::shortName).toList());
    summary.setFailures(new ArrayList<>(result.tests().stream().filter(t -> t.outcome() == Outcome.FAILED)
        .limit(ResultsAggregator.MAX_FAILURES).map(ShardSummaries::failure).toList()));
    summary.setPerformance(result.performance());
    summary.setTimedOutTest(result.timedOutTest());
    summary.setErrors(new ArrayList<>(result.errors()));
    return summary;
  }

  private static SuiteResult suite(String name, ShardResult result) {
    List<TestCase> tests = result.tests().stream().filter(t -> t.suite().equals(name)).toList();
    SuiteResult suite = new SuiteResult();
    suite.setName(name);
    suite.setTotal(tests.size());
    suite.setPassed((int) tests.stream().filter(t -> t.outcome() == Outcome.PASSED).count());
    suite.setFailed((int) tests.stream().filter(t -> t.outcome() == Outcome.FAILED).count());
    suite.setSkipped((int) tests.stream().filter(t -> t.outcome() == Outcome.SKIPPED).count());
    suite.setFlaky((int) tests.stream().filter(t -> t.outcome() == Outcome.FLAKY).count());
    suite.setDurationSeconds(Math.round(result.suiteSeconds().getOrDefault(name, 0.0) * 1000) / 1000.0);
    return suite;
  }

  private static FailureSummary failure(TestCase test) {
    FailureInfo first = test.failures().isEmpty() ? null : test.failures().get(0);
    FailureSummary failure = new FailureSummary();
    failure.setSuite(test.suite());
    failure.setTest(test.shortName());
    if (first != null) {
      String message = first.message() == null ? first.type() : first.message();
      failure.setMessage(message.length() > MESSAGE_CHARS ? message.substring(0, MESSAGE_CHARS - 1) + "…" : message);
      failure.setStackTrace(first.stackTraceStart(STACK_LINES));
    }
    return failure;
  }

  private static double seconds(long millis) {
    return millis / 1000.0;
  }
}
