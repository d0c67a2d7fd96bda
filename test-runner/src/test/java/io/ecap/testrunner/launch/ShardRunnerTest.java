package io.ecap.testrunner.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.results.Outcome;
import io.ecap.testrunner.results.ShardResult;
import io.ecap.testrunner.results.TestCase;
import io.ecap.testrunner.samples.FlakyChecks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher on the sample suites: real JUnit Platform executions, nothing of the launcher mocked. */
class ShardRunnerTest {

  @TempDir
  Path reports;

  private SampleShards shard(String suites) {
    return new SampleShards(reports).with(ShardEnvironment.SUITES, suites);
  }

  @Test
  void shardsPartitionTheClassesSoEveryTestRunsExactlyOnce() {
    List<String> ran = new ArrayList<>();
    for (int index = 0; index < 3; index++) {
      ShardResult result = shard("part").with(ShardEnvironment.SHARD_TOTAL, "3")
          .with(ShardEnvironment.SHARD_INDEX, Integer.toString(index)).run();
      assertThat(result.tests()).as("shard %d", index).isNotEmpty();
      result.tests().forEach(t -> ran.add(t.className() + "#" + t.name()));
    }
    assertThat(ran).hasSize(14).doesNotHaveDuplicates();
    assertThat(ran.stream().map(t -> t.substring(0, t.indexOf('#'))).distinct()).hasSize(7);
  }

  @Test
  void jobCompletionIndexSelectsTheShardWhenEcapShardIndexIsAbsent() {
    ShardResult viaJob = shard("part").with(ShardEnvironment.SHARD_TOTAL, "3")
        .with(ShardEnvironment.JOB_COMPLETION_INDEX, "2").run();
    ShardResult viaEcap = shard("part").with(ShardEnvironment.SHARD_TOTAL, "3")
        .with(ShardEnvironment.SHARD_INDEX, "2").run();
    assertThat(viaJob.shardIndex()).isEqualTo(2);
    assertThat(names(viaJob)).isEqualTo(names(viaEcap));
  }

  @Test
  void aTestThatPassesOnlyOnRetryIsFlakyNotAPass() {
    FlakyChecks.reset();
    ShardResult result = shard("flaky").with(ShardEnvironment.RETRIES, "2").run();
    Map<String, TestCase> tests = byName(result);
    assertThat(tests.get("passesOnSecondAttempt").outcome()).isEqualTo(Outcome.FLAKY);
    assertThat(tests.get("passesOnSecondAttempt").failures()).hasSize(1);
    assertThat(tests.get("passesAlways").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result.count(Outcome.PASSED)).isEqualTo(1);
    assertThat(result.succeeded()).as("flaky tests do not fail the shard").isTrue();
  }

  @Test
  void withoutRetriesTheSameTestFails() {
    FlakyChecks.reset();
    ShardResult result = shard("flaky").run();
    assertThat(byName(result).get("passesOnSecondAttempt").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void aTestFailingEveryAttemptIsRetriedThenFailedWithEachAttempt() {
    ShardResult result = shard("beta").with(ShardEnvironment.RETRIES, "2").run();
    Map<String, TestCase> tests = byName(result);
    assertThat(tests.get("alwaysFails").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(tests.get("alwaysFails").failures()).hasSize(3).allMatch(f -> f.assertion());
    assertThat(tests.get("alwaysErrors").failures()).hasSize(3).noneMatch(f -> f.assertion());
    assertThat(tests.get("aborts").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(tests.get("aborts").skipReason()).contains("not applicable on this profile");
    assertThat(tests.get("passes").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void theRunTimeoutStopsTheShardAndNamesTheTestThatWasRunning() {
    Instant start = Instant.now();
    ShardResult result = shard("slow").with(ShardEnvironment.TIMEOUT, "2s").with(ShardEnvironment.RETRIES, "1").run();
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
    assertThat(result.timedOutTest()).isEqualTo("SlowChecks.b_hangs");
    Map<String, TestCase> tests = byName(result);
    assertThat(tests.get("a_quick").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(tests.get("b_hangs").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(tests.get("b_hangs").failures()).hasSize(1);
    assertThat(tests.get("b_hangs").failures().get(0).message()).contains("run timeout (2s)");
    assertThat(tests).doesNotContainKey("c_neverRuns");
    assertThat(result.errors()).anySatisfy(e -> assertThat(e).contains("while SlowChecks.b_hangs was running"))
        .anySatisfy(e -> assertThat(e).contains("1 test(s) did not run"));
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void anUnknownSuiteIsAnErrorAndTheKnownOnesStillRun() {
    ShardResult result = shard("alpha,no-such-suite").run();
    assertThat(result.errors()).singleElement().asString().contains("unknown suite 'no-such-suite'").contains("alpha");
    assertThat(result.count(Outcome.PASSED)).isEqualTo(2);
    assertThat(result.suites()).containsExactly("alpha");
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void aSuiteWhoseEndpointIsNotConfiguredIsSkippedWithTheVariableNamed() {
    ShardResult result = shard("needs-kafka").run();
    assertThat(result.tests()).hasSize(2).allSatisfy(t -> {
      assertThat(t.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(t.skipReason()).contains("ECAP_KAFKA_BOOTSTRAP");
    });
    assertThat(result.count(Outcome.PASSED)).isZero();
  }

  @Test
  void performanceFiguresKeepTheWorstValuePublished() {
    ShardResult result = shard("measuring").run();
    assertThat(result.performance().getApiP95Millis()).isEqualTo(42.5);
    assertThat(result.performance().getStreamingEventsPerSecond()).isEqualTo(900.0);
    assertThat(result.performance().getHealthP99Millis()).isNull();
  }

  @Test
  void progressNamesSuiteClassAndCounts() {
    SampleShards shard = shard("beta").with(ShardEnvironment.RETRIES, "1");
    shard.run();
    assertThat(shard.progress()).contains("[shard 0/1] suites [beta]")
        .containsPattern("beta\\s+BetaChecks\\s+1 passed, 2 failed, 1 skipped")
        .contains("retrying BetaChecks.alwaysFails (retry 1 of 1)");
  }

  @Test
  void suiteAndClassDurationsAreRecorded() {
    ShardResult result = shard("slow").with(ShardEnvironment.TIMEOUT, "1s").run();
    assertThat(result.classSeconds()).containsKey("io.ecap.testrunner.samples.SlowChecks");
    assertThat(result.suiteSeconds().get("slow")).isGreaterThan(0.5);
  }

  private static List<String> names(ShardResult result) {
    return result.tests().stream().map(TestCase::shortName).sorted().toList();
  }

  private static Map<String, TestCase> byName(ShardResult result) {
    return result.tests().stream().collect(Collectors.toMap(TestCase::name, Function.identity()));
  }
}
