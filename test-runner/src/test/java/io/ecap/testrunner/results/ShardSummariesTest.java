package io.ecap.testrunner.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.results.ResultsAggregator;
import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.results.SummaryCodec;
import io.ecap.testenv.operator.api.status.TestResults;
import io.ecap.testrunner.launch.SampleShards;
import io.ecap.testrunner.launch.ShardEnvironment;
import io.ecap.testrunner.samples.FlakyChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results contract as the operator reads it: real shard results through ShardSummary and SummaryCodec. */
class ShardSummariesTest {

  @TempDir
  Path reports;

  @Test
  void aRealShardRoundTripsThroughTheOperatorsCodec() {
    FlakyChecks.reset();
    ShardResult result = new SampleShards(reports).with(ShardEnvironment.SUITES, "beta,flaky,measuring")
        .with(ShardEnvironment.RETRIES, "1").run();
    ShardSummary summary = ShardSummaries.of(result);
    ShardSummary read = SummaryCodec.read(SummaryCodec.write(summary));

    assertThat(read.getTotal()).isEqualTo(read.getPassed() + read.getFailed() + read.getSkipped() + read.getFlaky())
        .isEqualTo(8);
    assertThat(read.getFailed()).isEqualTo(2);
    assertThat(read.getFlaky()).isEqualTo(1);
    assertThat(read.getSkipped()).isEqualTo(1);
    assertThat(read.getFlakyTests()).containsExactly("FlakyChecks.passesOnSecondAttempt");
    assertThat(read.getSuites()).extracting(s -> s.getName()).containsExactly("beta", "flaky", "measuring");
    assertThat(read.getSuites().get(0).getFailed()).isEqualTo(2);
    assertThat(read.getFailures()).extracting(f -> f.getTest())
        .containsExactlyInAnyOrder("BetaChecks.alwaysFails", "BetaChecks.alwaysErrors");
    assertThat(read.getFailures()).allSatisfy(f -> {
      assertThat(f.getSuite()).isEqualTo("beta");
      assertThat(f.getStackTrace().lines().count()).isLessThanOrEqualTo(8);
    });
    assertThat(read.getPerformance().getApiP95Millis()).isEqualTo(42.5);
    assertThat(read.getRunId()).isEqualTo("sample-run");
    assertThat(Instant.parse(read.getFinishedAt())).isAfterOrEqualTo(Instant.parse(read.getStartedAt()));
  }

  @Test
  void manyLongFailuresStillFitATerminationMessageWithCountsWhole() {
    List<TestCase> tests = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      FailureInfo failure = new FailureInfo("java.lang.AssertionError", "expected order " + i + " ".repeat(10) + "x".repeat(900),
          "java.lang.AssertionError\n" + "\tat io.ecap.Some.deep(Some.java:1)\n".repeat(40), true);
      tests.add(new TestCase("api", "io.ecap.testrunner.suites.api.TestOrders", "case" + i, Outcome.FAILED, 0.1,
          List.of(failure, failure), null));
    }
    Instant now = Instant.now();
    ShardResult result = new ShardResult("r", 0, 1, now, now, List.of("api"), tests, Map.of("api", 6.0), Map.of(),
        new io.ecap.testenv.operator.api.status.PerformanceFigures(), null, List.of());
    String compact = SummaryCodec.writeCompact(ShardSummaries.of(result), SummaryCodec.TERMINATION_MESSAGE_BYTES);
    assertThat(compact.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    ShardSummary read = SummaryCodec.read(compact);
    assertThat(read.getFailed()).isEqualTo(60);
    assertThat(read.getSuites().get(0).getFailed()).isEqualTo(60);
  }

  @Test
  void shardsAggregateWithTheOperatorsAggregator() {
    FlakyChecks.reset();
    ShardResult one = new SampleShards(reports.resolve("0")).with(ShardEnvironment.SUITES, "alpha,flaky")
        .with(ShardEnvironment.RETRIES, "1").with(ShardEnvironment.SHARD_TOTAL, "2").with(ShardEnvironment.SHARD_INDEX, "0").run();
    FlakyChecks.reset();
    ShardResult two = new SampleShards(reports.resolve("1")).with(ShardEnvironment.SUITES, "alpha,flaky")
        .with(ShardEnvironment.RETRIES, "1").with(ShardEnvironment.SHARD_TOTAL, "2").with(ShardEnvironment.SHARD_INDEX, "1").run();
    TestResults total = ResultsAggregator.results(List.of(SummaryCodec.read(SummaryCodec.write(ShardSummaries.of(one))),
        SummaryCodec.read(SummaryCodec.write(ShardSummaries.of(two)))));
    assertThat(total.getTotal()).isEqualTo(4);
    assertThat(total.getFlaky()).isEqualTo(1);
    assertThat(total.getPassed()).isEqualTo(3);
    assertThat(total.getSuccessRate()).isEqualTo(75.0);
    assertThat(total.getShardsReported()).isEqualTo(2);
  }
}
