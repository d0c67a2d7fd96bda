package io.ecap.testenv.operator.api.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.status.PerformanceFigures;
import io.ecap.testenv.operator.api.status.TestResults;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsAggregatorTest {

  @Test
  void countsAreSummedPerRunAndPerSuite() {
    ShardSummary a = SummaryFixtures.shard(0, 10, 1, 1, 1, "api");
    ShardSummary b = SummaryFixtures.shard(1, 8, 0, 0, 1, "api");
    ShardSummary c = SummaryFixtures.shard(1, 5, 0, 0, 0, "health");
    b.getSuites().addAll(c.getSuites());
    b.setPassed(b.getPassed() + 5);
    b.setTotal(b.getTotal() + 5);

    TestResults results = ResultsAggregator.results(List.of(b, a));

    assertThat(results.getTotal()).isEqualTo(27);
    assertThat(results.getPassed()).isEqualTo(23);
    assertThat(results.getFailed()).isEqualTo(1);
    assertThat(results.getFlaky()).isEqualTo(2);
    assertThat(results.getShardsReported()).isEqualTo(2);
    // 23 clean passes of 26 tests that ran (1 skipped): flaky tests are not clean passes.
    assertThat(results.getSuccessRate()).isEqualTo(88.46);
    assertThat(results.getSuites()).extracting("name").containsExactly("api", "health");
    assertThat(results.getSuites().get(0).getTotal()).isEqualTo(22);
    assertThat(results.getSuites().get(0).getDurationSeconds()).isEqualTo(20.0);
    assertThat(results.getFlakyTests()).containsExactly("io.ecap.Test0#flaky0", "io.ecap.Test1#flaky0");
    assertThat(results.getFailures()).hasSize(1);
  }

  @Test
  void failuresAreCappedForTheStatus() {
    TestResults results = ResultsAggregator.results(List.of(SummaryFixtures.shard(0, 0, 25, 0, 0, "api")));
    assertThat(results.getFailed()).isEqualTo(25);
    assertThat(results.getFailures()).hasSize(ResultsAggregator.MAX_FAILURES);
  }

  @Test
  void performanceKeepsTheWorstFigureOfEachKind() {
    ShardSummary a = SummaryFixtures.shard(0, 1, 0, 0, 0, "performance");
    a.setPerformance(SummaryFixtures.performance(30, 2));
    ShardSummary b = SummaryFixtures.shard(1, 1, 0, 0, 0, "performance");
    b.setPerformance(SummaryFixtures.performance(20, 4));
    ShardSummary none = SummaryFixtures.shard(2, 1, 0, 0, 0, "api");

    PerformanceFigures worst = ResultsAggregator.performance(List.of(a, b, none));

    assertThat(worst.getApiP95Millis()).isEqualTo(30.0);
    assertThat(worst.getHealthP99Millis()).isEqualTo(4.0);
    assertThat(worst.getQueryMillis()).isNull();
  }

  @Test
  void nothingRanMeansZeroSuccess() {
    assertThat(ResultsAggregator.successRate(0, 0)).isZero();
    assertThat(ResultsAggregator.results(List.of()).getSuccessRate()).isZero();
  }
}
