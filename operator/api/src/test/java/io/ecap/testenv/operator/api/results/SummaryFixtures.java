package io.ecap.testenv.operator.api.results;

import io.ecap.testenv.operator.api.status.FailureSummary;
import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.SuiteResult;
import java.util.ArrayList;
import java.util.List;

/** Builds shard summaries for tests. */
final class SummaryFixtures {

  private SummaryFixtures() {
  }

  static ShardSummary shard(int index, int passed, int failed, int skipped, int flaky, String suite) {
    ShardSummary s = new ShardSummary();
    s.setRunId("run-1");
    s.setShardIndex(index);
    s.setShardCount(2);
    s.setPassed(passed);
    s.setFailed(failed);
    s.setSkipped(skipped);
    s.setFlaky(flaky);
    s.setTotal(passed + failed + skipped + flaky);
    SuiteResult r = new SuiteResult();
    r.setName(suite);
    r.setPassed(passed);
    r.setFailed(failed);
    r.setSkipped(skipped);
    r.setFlaky(flaky);
    r.setTotal(s.getTotal());
    r.setDurationSeconds(10);
    s.setSuites(new ArrayList<>(List.of(r)));
    for (int i = 0; i < failed; i++) {
      FailureSummary f = new FailureSummary();
      f.setSuite(suite);
      f.setTest("io.ecap.Test" + index + "#failure" + i);
      f.setMessage("expected 200 but was 503 ".repeat(20));
      f.setStackTrace("java.lang.AssertionError\n\tat io.ecap.Test.method(Test.java:42)\n".repeat(10));
      s.getFailures().add(f);
    }
    for (int i = 0; i < flaky; i++) {
      s.getFlakyTests().add("io.ecap.Test" + index + "#flaky" + i);
    }
    return s;
  }

  static PerformanceFigures performance(double apiP95, double healthP99) {
    PerformanceFigures p = new PerformanceFigures();
    p.setApiP95Millis(apiP95);
    p.setHealthP99Millis(healthP99);
    return p;
  }
}
