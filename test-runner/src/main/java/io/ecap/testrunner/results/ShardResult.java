package io.ecap.testrunner.results;

import io.ecap.testenv.operator.api.status.PerformanceFigures;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one shard ran, in full (the JUnit XML is written from it; the compact
 * {@code ShardSummary} is derived from it).
 *
 * @param suites the suites this shard ran, in the order asked for
 * @param suiteSeconds wall time per suite
 * @param classSeconds wall time per top-level test class (the history the next plan balances by)
 * @param timedOutTest the test running when the run timeout hit, or null
 * @param errors problems of the run itself (unknown suite, timeout, discovery failure)
 */
public record ShardResult(String runId, int shardIndex, int shardCount, Instant startedAt, Instant finishedAt,
    List<String> suites, List<TestCase> tests, Map<String, Double> suiteSeconds, Map<String, Double> classSeconds,
    PerformanceFigures performance, String timedOutTest, List<String> errors) {

  public ShardResult {
    suites = List.copyOf(suites);
    tests = List.copyOf(tests);
    suiteSeconds = Map.copyOf(suiteSeconds);
    classSeconds = Map.copyOf(classSeconds);
    errors = List.copyOf(errors);
  }

  public long count(Outcome outcome) {
    return tests.stream().filter(t -> t.outcome() == outcome).count();
  }

  /** A shard succeeds when no test failed and the run itself had no error; flaky tests do not fail it. */
  public boolean succeeded() {
    return count(Outcome.FAILED) == 0 && errors.isEmpty();
  }
}
