package io.ecap.testrunner.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.status.SuiteResult;
import io.ecap.testrunner.report.RunSummary;
import io.ecap.testrunner.report.RunSummaryFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make run}'s code path against the REAL platform: the embedded launcher starts the platform jar that
 * the reactor built before this module (system/services/target/...-platform.jar; the runner links none of its
 * classes), runs the rfm and data-quality Spark jobs of the analytics module's jar (also built before this
 * module) over the platform's lake as child JVMs, then the api, health, streaming, cross-service, fraud,
 * observability, performance, analytics and data-lake suites in two shards on the small profile, and writes the
 * verdict, summary, JUnit XML and report. The platform gets the same jobs jar, so the data-lake suite's run of a job
 * over a crafted scratch lake (through the platform's API) runs here too. Skips, saying how to build them, when a jar is absent.
 */
class PlatformSuitesIT {

  private static final String JAR = "system/services/target/system-services-0.1.0-SNAPSHOT-platform.jar";
  private static final String SPARK_JOBS_JAR = SparkJobs.DEFAULT_JOBS_JAR;
  private static final List<String> SUITES = List.of("api", "health", "streaming", "cross-service", "fraud",
      "observability", "performance", "analytics", "data-lake");
  /** The analytics oracle tests of jobs this run leaves out (clv, product-analytics, bi-aggregates) skip. */
  private static final int SKIPPED_FOR_ABSENT_JOBS = 3;

  @TempDir
  Path dir;

  private static Optional<Path> above(String relative) {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path jar = at.resolve(relative);
      if (Files.isRegularFile(jar)) {
        return Optional.of(jar);
      }
    }
    return Optional.empty();
  }

  @Test
  void theSuitesPassAgainstTheEmbeddedPlatformAndEveryReportIsWritten() throws IOException {
    Optional<Path> jar = above(JAR);
    Assumptions.assumeTrue(jar.isPresent(), "no " + JAR + " above " + Path.of("").toAbsolutePath()
        + ": build the platform first (mvn -pl system/services -am install -DskipTests; the root build does it"
        + " before test-runner)");
    Optional<Path> sparkJobs = above(SPARK_JOBS_JAR);
    Assumptions.assumeTrue(sparkJobs.isPresent(), "no " + SPARK_JOBS_JAR + " above " + Path.of("").toAbsolutePath()
        + ": build it first (mvn -pl system/analytics -am install -DskipTests; the root build does it before"
        + " test-runner)");
    Path runFile = dir.resolve("run.yaml");
    Files.writeString(runFile, String.join("\n",
        "apiVersion: testing.ecap.io/v1alpha1",
        "kind: IntegrationTestRun",
        "metadata:",
        "  name: platform-suites",
        "spec:",
        "  profile: small",
        "  spark:",
        "    jobs:",
        "      - {name: rfm, mainClass: io.ecap.platform.analytics.jobs.RfmSegmentation}",
        "      - {name: data-quality, mainClass: io.ecap.platform.analytics.quality.DataQualityCheck}",
        "  tests:",
        "    suites: [" + String.join(", ", SUITES) + "]",
        "    parallelism: 2",
        "    timeout: 6m",
        "    retries: 0",
        "  qualityGates:",
        "    minSuccessRate: 100",
        "    apiP95Millis: 1000",
        "    queryMillis: 5000",
        "    healthP99Millis: 200",
        "    streamingP99Millis: 2000",
        "    inferenceP99Millis: 50",
        "  timeouts:",
        "    environment: 2m",
        "    sparkJobs: 8m",
        ""));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path report = dir.resolve("report");
    EmbeddedLauncher launcher = new EmbeddedLauncher(Map.of(SparkJobs.JOBS_JAR, sparkJobs.get().toString()),
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.get().toString()),
        report, dir.resolve("history.json"), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    int exit = launcher.run(runFile);

    String output = out.toString(StandardCharsets.UTF_8) + "\n--- stderr ---\n" + err.toString(StandardCharsets.UTF_8);
    RunSummary summary = RunSummaryFile.read(report.resolve("summary.json"));
    assertThat(summary.results().getFailures()).as(output).isEmpty();
    assertThat(exit).as(output).isEqualTo(EmbeddedLauncher.PASSED);
    assertThat(summary.verdict()).isEqualTo(RunSummary.PASSED);
    assertThat(summary.results().getShardsReported()).isEqualTo(2);
    assertThat(summary.results().getSuites()).extracting(SuiteResult::getName).containsExactlyInAnyOrderElementsOf(SUITES);
    assertThat(summary.results().getSuites()).allSatisfy(s -> assertThat(s.getPassed()).as(s.getName()).isPositive());
    assertThat(summary.results().getTotal()).isGreaterThanOrEqualTo(45);
    assertThat(summary.results().getSkipped()).as("only the oracles of the jobs left out are skipped")
        .isEqualTo(SKIPPED_FOR_ABSENT_JOBS);
    assertThat(summary.environmentReadySeconds()).isPositive().isLessThan(60);
    assertThat(summary.gates()).filteredOn(g -> List.of("apiP95Millis", "queryMillis", "healthP99Millis",
        "streamingP99Millis", "inferenceP99Millis").contains(g.getName())).hasSize(5).allSatisfy(g -> {
          assertThat(g.getMeasured()).as(g.getName()).isNotNull().isPositive();
          assertThat(g.getOutcome()).as(g.getName()).isEqualTo("Passed");
        });

    try (Stream<Path> files = Files.walk(report)) {
      List<String> xml = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).toList();
      for (String suite : SUITES) {
        assertThat(xml).as("JUnit XML of %s", suite).anyMatch(n -> n.startsWith("TEST-" + suite + "-shard-"));
      }
    }
    try (Stream<Path> files = Files.walk(report)) {
      String analytics = files.filter(p -> p.getFileName().toString().startsWith("TEST-analytics-shard-"))
          .map(PlatformSuitesIT::read).reduce("", String::concat).replace("&apos;", "'").replace("&#39;", "'");
      for (String job : List.of("clv", "product-analytics", "bi-aggregates")) {
        assertThat(analytics).contains("the Spark job '" + job + "' has not run in this environment");
      }
    }
    try (Stream<Path> files = Files.walk(report)) {
      String dataLake = files.filter(p -> p.getFileName().toString().startsWith("TEST-data-lake-shard-"))
          .map(PlatformSuitesIT::read).reduce("", String::concat);
      assertThat(dataLake).as("the platform ran a Spark job over a crafted scratch lake (its job routes are on: the"
          + " launcher passed the jar), and the test passed rather than skipped")
          .containsPattern("<testcase name=\"aDatasetWithSeededDefectsIsCaughtRuleByRule\"[^>]*/>");
    }
    assertThat(report.resolve("spark/rfm.log")).content().contains("rfm finished");
    assertThat(report.resolve("spark/data-quality.log")).exists();
    assertThat(output).contains("[ecap] spark job rfm done in").contains("[ecap] spark job data-quality done in");
    String html = Files.readString(report.resolve("report.html"));
    assertThat(html).contains("PASSED").contains("apiP95Millis");
    SUITES.forEach(s -> assertThat(html).contains(s));
    assertThat(Files.readString(report.resolve("platform.log"))).contains("ready").contains("\"trace_id\"");
    assertThat(output).contains("[ecap] PASSED").contains("phase teardown");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
