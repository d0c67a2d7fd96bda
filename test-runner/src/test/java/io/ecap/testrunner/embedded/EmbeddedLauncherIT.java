package io.ecap.testrunner.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.results.SummaryCodec;
import io.ecap.testrunner.launch.ShardEnvironment;
import io.ecap.testrunner.report.RunSummary;
import io.ecap.testrunner.report.RunSummaryFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make run}'s code path end to end: a real run file, a stand-in platform process, shards as
 * child JVMs running the real health suite and a sample suite, aggregation, gates, reports, teardown.
 */
class EmbeddedLauncherIT {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aHealthyRunPassesWritesEverythingAndStopsThePlatform() throws Exception {
    Path file = runFile("suites: [health, alpha]", "parallelism: 2", "30s");
    int exit = launcher("healthy").run(file);

    assertThat(exit).as(output()).isEqualTo(EmbeddedLauncher.PASSED);
    Path report = dir.resolve("report");
    RunSummary summary = RunSummaryFile.read(report.resolve("summary.json"));
    assertThat(summary.verdict()).isEqualTo(RunSummary.PASSED);
    // The health suite's circuit breaker test needs a JDBC endpoint (its disruption lock): skipped here.
    assertThat(summary.results().getTotal()).isEqualTo(8);
    assertThat(summary.results().getPassed()).isEqualTo(7);
    assertThat(summary.results().getSkipped()).isEqualTo(1);
    assertThat(summary.results().getShardsReported()).isEqualTo(2);
    assertThat(summary.results().getSuites()).extracting(s -> s.getName()).containsExactlyInAnyOrder("health", "alpha");
    assertThat(summary.environmentReadySeconds()).isPositive().isLessThan(30);
    assertThat(summary.gates()).anySatisfy(g -> {
      assertThat(g.getName()).isEqualTo("healthP99Millis");
      assertThat(g.getMeasured()).isNotNull().isPositive();
      assertThat(g.getOutcome()).isEqualTo("Passed");
    });
    for (int shard = 0; shard < 2; shard++) {
      Path shardDir = report.resolve("shard-" + shard);
      assertThat(SummaryCodec.read(Files.readString(shardDir.resolve("summary.json"))).getShardCount()).isEqualTo(2);
      assertThat(shardDir.resolve("shard.log")).exists();
    }
    assertThat(xmlFiles(report)).extracting(p -> p.getFileName().toString())
        .anyMatch(n -> n.startsWith("TEST-health-shard-")).anyMatch(n -> n.startsWith("TEST-alpha-shard-"));
    assertThat(Files.readString(report.resolve("report.html"))).contains("PASSED").contains("healthP99Millis");
    assertThat(Files.readString(report.resolve("platform.log"))).contains("ready");
    assertThat(Files.readString(dir.resolve("history.json"))).contains("TestHealthCheckIntegration").contains("AlphaChecks");
    assertThat(output()).contains("[ecap] phase environment").contains("[ecap] environment ready in")
        .contains("[shard 0/2]").contains("[shard 1/2]").contains("[ecap] PASSED: 8 tests, 7 passed")
        .contains("report: " + report.resolve("report.html"));
    assertStopped();
  }

  @Test
  void aBrokenPlatformFailsTheRunWithTheFailingTestNamed() throws Exception {
    Path file = runFile("suites: [health]", "parallelism: 1", "30s");
    int exit = launcher("broken").run(file);

    assertThat(exit).as(output()).isEqualTo(EmbeddedLauncher.FAILED);
    RunSummary summary = RunSummaryFile.read(dir.resolve("report/summary.json"));
    assertThat(summary.verdict()).isEqualTo(RunSummary.FAILED);
    assertThat(summary.reasons()).anySatisfy(r -> assertThat(r).contains("minSuccessRate"));
    assertThat(summary.results().getFailures()).extracting(f -> f.getTest())
        .contains("TestHealthCheckIntegration.readyMeansEveryDependencyIsUp");
    assertThat(output()).contains("[ecap] FAILED");
    assertStopped();
  }

  @Test
  void aPlatformThatNeverGetsReadyFailsAtItsTimeoutAndIsStopped() throws Exception {
    Path file = runFile("suites: [alpha]", "parallelism: 1", "3s");
    int exit = launcher("never-ready").run(file);

    assertThat(exit).isEqualTo(EmbeddedLauncher.ENVIRONMENT_NOT_READY);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("not ready within 3 s (spec.timeouts.environment)")
        .contains("stand-in platform starting");
    assertThat(RunSummaryFile.read(dir.resolve("report/summary.json")).errors())
        .anySatisfy(e -> assertThat(e).startsWith("environment not ready"));
    assertStopped();
  }

  @Test
  void aPlatformThatExitsIsReportedWithItsLastLines() throws Exception {
    Path file = runFile("suites: [alpha]", "parallelism: 1", "30s");
    int exit = launcher("crash").run(file);

    assertThat(exit).isEqualTo(EmbeddedLauncher.ENVIRONMENT_NOT_READY);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("exited with code 7")
        .contains("boom: cannot bind the broker's port");
  }

  @Test
  void anInvalidRunFileIsRejectedWithTheFieldNamed() throws Exception {
    Path file = runFile("suites: [alpha]", "parallelism: 3", "30s");
    int exit = launcher("healthy").run(file);

    assertThat(exit).isEqualTo(EmbeddedLauncher.INVALID);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("spec.tests.parallelism");
    assertThat(dir.resolve("pids")).doesNotExist();
  }

  @Test
  void theSparkJobsRunInOrderAsChildJvmsWithTheLakeAndSparkFlagsBeforeTheSuites() throws Exception {
    Path file = runFile("suites: [alpha]", "parallelism: 1", "30s", "2m", "  spark:", "    jobs:",
        "      - {name: first, mainClass: " + StandInSparkJob.class.getName() + ", args: [--name=first]}",
        "      - {name: second, mainClass: " + StandInSparkJob.class.getName() + ", args: [--name=second]}");
    int exit = launcher("healthy").run(file);

    assertThat(exit).as(output()).isEqualTo(EmbeddedLauncher.PASSED);
    Path report = dir.resolve("report");
    assertThat(report.resolve("lake/jobs.txt")).hasContent("first\nsecond");
    String log = Files.readString(report.resolve("spark/first.log"));
    assertThat(log).contains("stand-in job first args [--name=first]")
        .contains("env ECAP_LAKE_PATH=" + report.resolve("lake"))
        .contains("env ECAP_SPARK_MASTER=local[2]").contains("env SPARK_LOCAL_IP=127.0.0.1")
        .contains("add-opens java.base/java.nio: true").contains("heap -Xmx1g");
    assertThat(report.resolve("spark/second.log")).exists();
    String output = output();
    assertThat(output).contains("[ecap] phase spark: 2 job(s) [first, second]")
        .contains("[ecap] spark job 1/2 first").contains("[ecap] spark job second done in");
    assertThat(output.indexOf("[ecap] spark jobs done")).isGreaterThan(output.indexOf("[ecap] environment ready"))
        .isLessThan(output.indexOf("[ecap] phase tests"));
    assertStopped();
  }

  @Test
  void aSparkJobStoppedByTheQualityGateFailsTheRunBeforeAnySuiteNamingTheJobAndItsLog() throws Exception {
    Path file = runFile("suites: [alpha]", "parallelism: 1", "30s", "2m", "  spark:", "    jobs:",
        "      - {name: gated, mainClass: " + StandInSparkJob.class.getName() + ", args: [--name=gated, --exit=2]}",
        "      - {name: after, mainClass: " + StandInSparkJob.class.getName() + ", args: [--name=after]}");
    int exit = launcher("healthy").run(file);

    assertThat(exit).as(output()).isEqualTo(EmbeddedLauncher.SPARK_JOB_FAILED);
    Path report = dir.resolve("report");
    assertThat(report.resolve("lake/jobs.txt")).hasContent("gated");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("[ecap] Spark job gated failed")
        .contains("exited with code 2 (stopped by the data-quality gate)")
        .contains("promotion stopped by 1 critical data-quality rule(s)");
    RunSummary summary = RunSummaryFile.read(report.resolve("summary.json"));
    assertThat(summary.verdict()).isEqualTo(RunSummary.FAILED);
    assertThat(summary.errors()).anySatisfy(e -> assertThat(e).startsWith("Spark job gated failed")
        .contains("promotion stopped"));
    assertThat(report.resolve("shard-0")).doesNotExist();
    assertThat(output()).doesNotContain("[ecap] phase tests");
    assertStopped();
  }

  @Test
  void sparkJobsPastTheirTimeoutAreStoppedAndFailTheRun() throws Exception {
    Path file = runFile("suites: [alpha]", "parallelism: 1", "30s", "2s", "  spark:", "    jobs:",
        "      - {name: slow, mainClass: " + StandInSparkJob.class.getName() + ", args: [--sleep=60000]}");
    long start = System.nanoTime();
    int exit = launcher("healthy").run(file);

    assertThat(exit).as(output()).isEqualTo(EmbeddedLauncher.SPARK_JOB_FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Spark job slow was stopped")
        .contains("longer than 2 s (spec.timeouts.sparkJobs)");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(40);
    assertStopped();
  }

  private EmbeddedLauncher launcher(String mode) {
    List<String> platform = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), StandInPlatform.class.getName(), "--mode=" + mode,
        "--pid-dir=" + dir.resolve("pids"));
    return new EmbeddedLauncher(Map.of(ShardEnvironment.SUITES_PACKAGE, "io.ecap.testrunner",
        SparkJobs.JOBS_JAR, System.getProperty("java.class.path")), platform,
        dir.resolve("report"), dir.resolve("history.json"), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path runFile(String suites, String parallelism, String environmentTimeout) throws IOException {
    return runFile(suites, parallelism, environmentTimeout, "30m", "  spark:", "    jobs: []");
  }

  private Path runFile(String suites, String parallelism, String environmentTimeout, String sparkTimeout,
      String... spark) throws IOException {
    Path file = dir.resolve("run.yaml");
    Files.writeString(file, String.join("\n",
        "apiVersion: testing.ecap.io/v1alpha1",
        "kind: IntegrationTestRun",
        "metadata:",
        "  name: stand-in",
        "spec:",
        "  profile: small",
        String.join("\n", spark),
        "  tests:",
        "    " + suites,
        "    " + parallelism,
        "    timeout: 2m",
        "    retries: 1",
        "  qualityGates:",
        "    minSuccessRate: 95",
        "    healthP99Millis: 500",
        "  timeouts:",
        "    environment: " + environmentTimeout,
        "    sparkJobs: " + sparkTimeout,
        ""));
    return file;
  }

  private void assertStopped() throws IOException, InterruptedException {
    for (String name : List.of("platform.pid", "child.pid")) {
      long pid = Long.parseLong(Files.readString(dir.resolve("pids").resolve(name)).trim());
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("%s %d still alive", name, pid)
          .isFalse();
    }
  }

  private static List<Path> xmlFiles(Path report) throws IOException {
    try (Stream<Path> files = Files.walk(report)) {
      return new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".xml")).toList());
    }
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8) + "\n--- stderr ---\n" + err.toString(StandardCharsets.UTF_8);
  }
}
