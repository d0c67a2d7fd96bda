package io.ecap.testrunner.embedded;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.results.ShardSummary;
import io.ecap.testenv.operator.api.results.SummaryCodec;
import io.ecap.testenv.operator.api.spec.SparkJobSpec;
import io.ecap.testenv.operator.api.spec.TestsSpec;
import io.ecap.testenv.operator.api.status.GateResult;
import io.ecap.testenv.operator.api.status.TestResults;
import io.ecap.testenv.operator.api.validation.GoDuration;
import io.ecap.testenv.operator.api.validation.InvalidRunException;
import io.ecap.testenv.operator.api.validation.RunFileReader;
import io.ecap.testrunner.RunnerMain;
import io.ecap.testrunner.launch.ClassDurationHistory;
import io.ecap.testrunner.launch.ShardCommand;
import io.ecap.testrunner.launch.ShardEnvironment;
import io.ecap.testrunner.report.HtmlReport;
import io.ecap.testrunner.report.RunSummary;
import io.ecap.testrunner.report.RunSummaryFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * {@code make run}: validates an IntegrationTestRun file with the operator's own reader, starts the
 * embedded platform as a separate process, waits for it, runs the spec's suites as
 * {@code tests.parallelism} shards (child JVMs of this runner, configured exactly as runner pods
 * are), aggregates and judges them with the operator's classes, writes target/ecap-report/, stops
 * the platform and exits with the verdict.
 *
 * <p>Between readiness and the suites it runs the spec's Spark jobs ({@code spark.jobs}, in order) as child
 * JVMs in local mode over the platform's lake ({@link SparkJobs}), within {@code timeouts.sparkJobs}.
 *
 * <p>Exit codes: 0 the run passed; 1 it failed (gates, failed tests, run errors); 2 the run file is
 * invalid; 3 the environment did not become ready; 4 a Spark job failed (exit code not 0, 2 being the
 * data-quality gate) or the jobs ran past {@code timeouts.sparkJobs}: no suite ran.
 */
public final class EmbeddedLauncher {

  public static final int PASSED = 0;
  public static final int FAILED = 1;
  public static final int INVALID = 2;
  public static final int ENVIRONMENT_NOT_READY = 3;
  public static final int SPARK_JOB_FAILED = 4;

  /** Replaces {@code java -jar <platform jar>}; the launcher appends --embedded --profile --endpoints-file. */
  public static final String PLATFORM_COMMAND = "ECAP_PLATFORM_COMMAND";
  public static final String PLATFORM_COMMAND_PROPERTY = "ecap.platform.command";
  public static final String DEFAULT_PLATFORM_JAR = "system/services/target/system-services-0.1.0-SNAPSHOT-platform.jar";
  /** Extra time the shards get past tests.timeout to write their results before they are stopped. */
  private static final Duration SHARD_GRACE = Duration.ofSeconds(60);

  private final Map<String, String> env;
  private final List<String> platformCommand;
  private final String sparkJobsClasspath;
  private final Path reportDir;
  private final Path historyFile;
  private final PrintStream out;
  private final PrintStream err;

  public EmbeddedLauncher(Map<String, String> env, List<String> platformCommand, Path reportDir, Path historyFile,
      PrintStream out, PrintStream err) {
    this.env = Map.copyOf(env);
    this.platformCommand = List.copyOf(platformCommand);
    this.sparkJobsClasspath = SparkJobs.configuredClasspath(env);
    this.reportDir = reportDir.toAbsolutePath();
    this.historyFile = historyFile.toAbsolutePath();
    this.out = out;
    this.err = err;
  }

  /** Configured from ECAP_PLATFORM_COMMAND (or -Decap.platform.command), ECAP_REPORT_DIR and ECAP_SHARD_HISTORY. */
  public static EmbeddedLauncher fromEnvironment(Map<String, String> env, PrintStream out, PrintStream err) {
    String command = System.getProperty(PLATFORM_COMMAND_PROPERTY, env.getOrDefault(PLATFORM_COMMAND, ""));
    List<String> platform = command.isBlank() ? List.of(javaBinary(), "-jar", DEFAULT_PLATFORM_JAR)
        : Arrays.stream(command.trim().split("\\s+")).toList();
    Path reportDir = Path.of(env.getOrDefault(ShardEnvironment.REPORT_DIR, ShardEnvironment.DEFAULT_REPORT_DIR.toString()));
    Path history = Path.of(env.getOrDefault(ShardEnvironment.SHARD_HISTORY, "target/ecap-history/class-durations.json"));
    return new EmbeddedLauncher(env, platform, reportDir, history, out, err);
  }

  public int run(Path runFile) {
    Instant started = Instant.now();
    IntegrationTestRun run;
    try {
      run = RunFileReader.create().readOne(runFile);
    } catch (InvalidRunException e) {
      err.println(e.getMessage());
      return INVALID;
    }
    TestsSpec tests = run.getSpec().getTests();
    String profile = run.getSpec().getProfile().name().toLowerCase(Locale.ROOT);
    String runId = run.getMetadata().getName() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .withZone(ZoneOffset.UTC).format(started);
    out.printf("[ecap] run %s from %s: profile %s, suites %s, %d shard(s), %d retr%s, timeout %s%n", runId, runFile,
        profile, tests.getSuites(), tests.getParallelism(), tests.getRetries(), tests.getRetries() == 1 ? "y" : "ies",
        tests.getTimeout());
    try {
      prepareReportDir();
    } catch (IOException e) {
      err.println("[ecap] cannot prepare " + reportDir + ": " + e.getMessage());
      return FAILED;
    }
    Duration environmentTimeout = GoDuration.parse(run.getSpec().getTimeouts().getEnvironment());
    out.printf("[ecap] phase environment: starting the embedded platform (timeout %s, log %s)%n",
        run.getSpec().getTimeouts().getEnvironment(), reportDir.resolve("platform.log"));
    if (platformCommand.contains(DEFAULT_PLATFORM_JAR) && !Files.exists(Path.of(DEFAULT_PLATFORM_JAR))) {
      return environmentFailed(run, runId, started, "the platform jar " + Path.of(DEFAULT_PLATFORM_JAR).toAbsolutePath()
          + " does not exist; build it with: mvn -pl system/services -am install -DskipTests (or set "
          + PLATFORM_COMMAND + ")", "");
    }
    long platformStart = System.nanoTime();
    PlatformProcess platform;
    try {
      // The platform runs Spark jobs for the suites too (over scratch lakes of crafted data): it gets the same jar.
      platform = PlatformProcess.start(platformCommand, profile, SparkJobs.forPlatform(sparkJobsClasspath),
          reportDir.resolve("endpoints.env"), reportDir.resolve("platform.log"), out);
    } catch (IOException e) {
      return environmentFailed(run, runId, started, "the platform could not be started with " + platformCommand
          + ": " + e.getMessage() + (platformCommand.contains(DEFAULT_PLATFORM_JAR)
          ? " (build it first: mvn -pl system/services -am install -DskipTests)" : ""), "");
    }
    Thread cleanup = new Thread(platform::close, "ecap-platform-stop");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      Map<String, String> endpoints;
      try {
        endpoints = platform.awaitReady(environmentTimeout);
      } catch (PlatformProcess.EnvironmentNotReadyException e) {
        return environmentFailed(run, runId, started, e.getMessage(), e.logTail());
      }
      double readySeconds = (System.nanoTime() - platformStart) / 1e9;
      out.printf(Locale.ROOT, "[ecap] environment ready in %.1f s: %s%n", readySeconds, endpoints.keySet());
      Optional<SparkJobs.Failure> sparkFailure;
      try {
        sparkFailure = runSparkJobs(run, endpoints);
      } catch (IOException e) {
        return environmentFailed(run, runId, started, SPARK_JOB_FAILED, "Spark jobs not started",
            "a Spark job could not be started with -cp " + sparkJobsClasspath + ": " + e.getMessage(),
            reportDir.resolve("spark"), "");
      }
      if (sparkFailure.isPresent()) {
        return environmentFailed(run, runId, started, SPARK_JOB_FAILED, "Spark job " + sparkFailure.get().job()
            + " failed", sparkFailure.get().reason(), reportDir.resolve("spark").resolve(sparkFailure.get().job()
            + ".log"), sparkFailure.get().logTail());
      }
      List<String> shardFailures = new ArrayList<>();
      List<ShardSummary> shards = runShards(run, runId, endpoints, shardFailures);
      out.println("[ecap] phase results: aggregating " + shards.size() + " shard summaries, evaluating the quality gates");
      RunSummary summary = RunSummary.judge(new RunSummary.RunInfo(runId, run.getMetadata().getName(), profile, started,
          Instant.now(), readySeconds, tests.getParallelism()), run.getSpec().getQualityGates(), shards, shardFailures);
      return finish(summary);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("[ecap] interrupted");
      return FAILED;
    } finally {
      out.println("[ecap] phase teardown: stopping the platform (pid " + platform.pid() + ")");
      platform.close();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // already shutting down: the hook stops the platform
      }
    }
  }

  /** The shards' summaries; what went wrong with a shard itself (no summary...) is added to {@code failures}. */
  private List<ShardSummary> runShards(IntegrationTestRun run, String runId, Map<String, String> endpoints,
      List<String> failures) throws InterruptedException {
    TestsSpec tests = run.getSpec().getTests();
    int total = tests.getParallelism();
    Duration timeout = GoDuration.parse(tests.getTimeout());
    out.printf("[ecap] phase tests: %d shard(s) of suites %s%n", total, tests.getSuites());
    List<ShardProcess> processes = new ArrayList<>();
    for (int index = 0; index < total; index++) {
      Map<String, String> shardEnv = new HashMap<>(endpoints);
      shardEnv.put(ShardEnvironment.RUN_ID, runId);
      shardEnv.put(ShardEnvironment.SHARD_INDEX, Integer.toString(index));
      shardEnv.put(ShardEnvironment.SHARD_TOTAL, Integer.toString(total));
      shardEnv.put(ShardEnvironment.SUITES, String.join(",", tests.getSuites()));
      shardEnv.put(ShardEnvironment.RETRIES, Integer.toString(tests.getRetries()));
      shardEnv.put(ShardEnvironment.TIMEOUT, tests.getTimeout());
      shardEnv.put(ShardEnvironment.PROFILE, run.getSpec().getProfile().name().toLowerCase(Locale.ROOT));
      shardEnv.put(ShardEnvironment.REPORT_DIR, ShardCommand.shardDir(reportDir, index).toString());
      shardEnv.put(ShardEnvironment.SHARD_HISTORY, historyFile.toString());
      String pushgateway = run.getSpec().getMetrics() == null ? null : run.getSpec().getMetrics().getPushgatewayUrl();
      if (pushgateway != null) {
        shardEnv.put(ShardEnvironment.PUSHGATEWAY_URL, pushgateway);
      }
      String suitesPackage = env.get(ShardEnvironment.SUITES_PACKAGE);
      if (suitesPackage != null) {
        shardEnv.put(ShardEnvironment.SUITES_PACKAGE, suitesPackage);
      }
      try {
        processes.add(ShardProcess.start(index, shardCommand(), shardEnv,
            ShardCommand.shardDir(reportDir, index).resolve("shard.log"), out));
      } catch (IOException e) {
        failures.add("shard " + index + " could not be started: " + e.getMessage());
      }
    }
    long deadline = System.nanoTime() + timeout.plus(SHARD_GRACE).toNanos();
    List<ShardSummary> summaries = new ArrayList<>();
    try {
      for (ShardProcess process : processes) {
        OptionalInt exit = process.await(deadline);
        Path summaryFile = ShardCommand.shardDir(reportDir, process.index()).resolve(ShardCommand.SUMMARY_FILE);
        if (Files.exists(summaryFile)) {
          try {
            summaries.add(SummaryCodec.read(Files.readString(summaryFile, StandardCharsets.UTF_8)));
            continue;
          } catch (IOException | IllegalArgumentException e) {
            failures.add("shard " + process.index() + " wrote an unreadable summary: " + e.getMessage());
          }
        }
        failures.add("shard " + process.index() + (exit.isPresent() ? " exited with code " + exit.getAsInt()
            : " was stopped " + SHARD_GRACE.toSeconds() + " s past the run timeout") + " without a summary (see "
            + reportDir.relativize(ShardCommand.shardDir(reportDir, process.index()).resolve("shard.log")) + ")");
      }
    } finally {
      processes.forEach(ShardProcess::stop);
    }
    failures.forEach(f -> err.println("[ecap] " + f));
    Map<String, Double> measured = new LinkedHashMap<>();
    for (int index = 0; index < total; index++) {
      Path durations = ShardCommand.shardDir(reportDir, index).resolve(ShardCommand.CLASS_DURATIONS_FILE);
      ClassDurationHistory.read(durations).forEach((c, d) -> measured.put(c, d.toMillis() / 1000.0));
    }
    if (!measured.isEmpty()) {
      ClassDurationHistory.merge(historyFile, measured);
    }
    return summaries;
  }

  private int finish(RunSummary summary) {
    Path summaryFile = reportDir.resolve("summary.json");
    Path html = reportDir.resolve("report.html");
    RunSummaryFile.write(summary, summaryFile);
    HtmlReport.write(summary, html);
    TestResults results = summary.results();
    out.printf(Locale.ROOT, "[ecap] %s: %d tests, %d passed, %d failed, %d flaky, %d skipped; success rate %s%% (%.1f s)%n",
        summary.passed() ? "PASSED" : "FAILED", results.getTotal(), results.getPassed(), results.getFailed(),
        results.getFlaky(), results.getSkipped(), number(results.getSuccessRate()), summary.durationSeconds());
    for (GateResult gate : summary.gates()) {
      out.printf("[ecap]   gate %-20s %-12s %s %s%n", gate.getName(),
          gate.getMeasured() == null ? "not measured" : number(gate.getMeasured()),
          (gate.getName().startsWith("min") ? ">= " : "<= ") + number(gate.getLimit()), gate.getOutcome());
    }
    summary.reasons().forEach(r -> out.println("[ecap]   " + r));
    out.println("[ecap] report: " + html);
    return summary.passed() ? PASSED : FAILED;
  }

  private int environmentFailed(IntegrationTestRun run, String runId, Instant started, String reason, String logTail) {
    return environmentFailed(run, runId, started, ENVIRONMENT_NOT_READY, "environment not ready", reason,
        reportDir.resolve("platform.log"), logTail);
  }

  private int environmentFailed(IntegrationTestRun run, String runId, Instant started, int exitCode, String what,
      String reason, Path log, String logTail) {
    err.println("[ecap] " + what + ": " + reason);
    if (!logTail.isBlank()) {
      err.println("[ecap] last lines of " + log + ":");
      logTail.lines().forEach(l -> err.println("    " + l));
    }
    RunSummary summary = RunSummary.judge(new RunSummary.RunInfo(runId, run.getMetadata().getName(),
        run.getSpec().getProfile().name().toLowerCase(Locale.ROOT), started, Instant.now(), null,
        run.getSpec().getTests().getParallelism()), run.getSpec().getQualityGates(), List.of(),
        List.of(what + ": " + reason + (logTail.isBlank() ? "" : "; last lines of " + log.getFileName() + ": "
            + lastLines(logTail, 5))));
    RunSummaryFile.write(summary, reportDir.resolve("summary.json"));
    HtmlReport.write(summary, reportDir.resolve("report.html"));
    out.println("[ecap] FAILED: " + (exitCode == ENVIRONMENT_NOT_READY ? "the environment did not become ready"
        : what + ", no suite ran") + "; report: " + reportDir.resolve("report.html"));
    return exitCode;
  }

  /** The spec's Spark jobs, in order, within timeouts.sparkJobs; empty when they all succeeded (or there are none). */
  private Optional<SparkJobs.Failure> runSparkJobs(IntegrationTestRun run, Map<String, String> endpoints)
      throws IOException, InterruptedException {
    List<SparkJobSpec> jobs = run.getSpec().getSpark() == null || run.getSpec().getSpark().getJobs() == null
        ? List.of() : run.getSpec().getSpark().getJobs();
    if (jobs.isEmpty()) {
      out.println("[ecap] phase spark: no Spark jobs in spec.spark.jobs");
      return Optional.empty();
    }
    String timeout = run.getSpec().getTimeouts().getSparkJobs();
    out.printf("[ecap] phase spark: %d job(s) %s in order (timeout %s, -cp %s, logs %s)%n", jobs.size(),
        jobs.stream().map(SparkJobSpec::getName).toList(), timeout, sparkJobsClasspath, reportDir.resolve("spark"));
    long start = System.nanoTime();
    Optional<SparkJobs.Failure> failure = new SparkJobs(sparkJobsClasspath, reportDir.resolve("spark"), out)
        .runAll(jobs, endpoints, GoDuration.parse(timeout));
    if (failure.isEmpty()) {
      out.printf(Locale.ROOT, "[ecap] spark jobs done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
    return failure;
  }

  private static String lastLines(String text, int count) {
    List<String> lines = text.lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /** Removes what a previous run left (only the files this launcher writes), so no stale shard is aggregated. */
  private void prepareReportDir() throws IOException {
    Files.createDirectories(reportDir);
    try (Stream<Path> entries = Files.list(reportDir)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if ((name.startsWith("shard-") || name.equals("spark")) && Files.isDirectory(entry)) {
          try (Stream<Path> tree = Files.walk(entry)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        } else if (List.of("summary.json", "report.html", "platform.log", "endpoints.env").contains(name)) {
          Files.delete(entry);
        }
      }
    }
  }

  private static List<String> shardCommand() {
    return List.of(javaBinary(), "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), RunnerMain.class.getName(), "shard");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String number(Double value) {
    return value == null ? "-" : java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }

}
