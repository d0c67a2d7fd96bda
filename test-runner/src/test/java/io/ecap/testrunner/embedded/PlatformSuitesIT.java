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
 * classes), runs the api, health, streaming, cross-service, fraud, observability and performance suites in two
 * shards on the small profile, and
 * writes the verdict, summary, JUnit XML and report. Skips, saying how to build it, when the jar is absent.
 */
class PlatformSuitesIT {

  private static final String JAR = "system/services/target/system-services-0.1.0-SNAPSHOT-platform.jar";
  private static final List<String> SUITES = List.of("api", "health", "streaming", "cross-service", "fraud",
      "observability", "performance");

  @TempDir
  Path dir;

  private static Optional<Path> platformJar() {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path jar = at.resolve(JAR);
      if (Files.isRegularFile(jar)) {
        return Optional.of(jar);
      }
    }
    return Optional.empty();
  }

  @Test
  void theSuitesPassAgainstTheEmbeddedPlatformAndEveryReportIsWritten() throws IOException {
    Optional<Path> jar = platformJar();
    Assumptions.assumeTrue(jar.isPresent(), "no " + JAR + " above " + Path.of("").toAbsolutePath()
        + ": build the platform first (mvn -pl system/services -am install -DskipTests; the root build does it"
        + " before test-runner)");
    Path runFile = dir.resolve("run.yaml");
    Files.writeString(runFile, String.join("\n",
        "apiVersion: testing.ecap.io/v1alpha1",
        "kind: IntegrationTestRun",
        "metadata:",
        "  name: platform-suites",
        "spec:",
        "  profile: small",
        "  spark:",
        "    jobs: []",
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
        ""));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path report = dir.resolve("report");
    EmbeddedLauncher launcher = new EmbeddedLauncher(Map.of(),
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
    assertThat(summary.results().getSkipped()).as("nothing skipped: every service runs embedded").isZero();
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
    String html = Files.readString(report.resolve("report.html"));
    assertThat(html).contains("PASSED").contains("apiP95Millis");
    SUITES.forEach(s -> assertThat(html).contains(s));
    assertThat(Files.readString(report.resolve("platform.log"))).contains("ready").contains("\"trace_id\"");
    assertThat(output).contains("[ecap] PASSED").contains("phase teardown");
  }
}
