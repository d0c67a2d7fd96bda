package io.ecap.testrunner.embedded;

import io.ecap.testenv.operator.api.spec.SparkJobSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded run's Spark phase: the spec's jobs, in order, each as a child JVM in local mode,
 * {@code java <Spark's JVM flags> -Xmx1g -cp <spark-jobs jar> <mainClass> <args>}, with the platform's lake,
 * PostgreSQL and Kafka endpoints in its environment. The runner links none of the jobs' classes: it only starts
 * the process and reads its exit code (0 done; 2 stopped by the data-quality gate; anything else failed).
 */
final class SparkJobs {

  /** Replaces the default jar (or classpath) of the jobs. */
  static final String JOBS_JAR = "ECAP_SPARK_JOBS_JAR";
  static final String JOBS_JAR_PROPERTY = "ecap.spark.jobs.jar";
  static final String DEFAULT_JOBS_JAR = "system/analytics/target/system-analytics-0.1.0-SNAPSHOT-spark-jobs.jar";
  static final int QUALITY_GATE_EXIT = 2;
  private static final int TAIL_LINES = 20;
  private static final Duration HEARTBEAT = Duration.ofSeconds(30);
  /** Endpoints the jobs read (see system/analytics/README.md). */
  private static final List<String> PASSED_ENDPOINTS = List.of("ECAP_LAKE_PATH", "ECAP_JDBC_URL", "ECAP_JDBC_USER",
      "ECAP_JDBC_PASSWORD", "ECAP_KAFKA_BOOTSTRAP");

  /** Spark 4.0's module flags (what spark-submit adds for Java 17+), as in STACK.md. */
  static final List<String> SPARK_JVM_FLAGS = List.of(
      "-XX:+IgnoreUnrecognizedVMOptions", "--add-modules=jdk.incubator.vector",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true");

  private final String classpath;
  private final Path logDir;
  private final PrintStream out;

  SparkJobs(String classpath, Path logDir, PrintStream out) {
    this.classpath = classpath;
    this.logDir = logDir;
    this.out = out;
  }

  /** From ECAP_SPARK_JOBS_JAR (or -Decap.spark.jobs.jar), else the analytics module's shaded jar. */
  static String configuredClasspath(Map<String, String> env) {
    String configured = System.getProperty(JOBS_JAR_PROPERTY, env.getOrDefault(JOBS_JAR, ""));
    return configured.isBlank() ? DEFAULT_JOBS_JAR : configured.trim();
  }

  /**
   * What the platform needs to run the jobs itself (its /api/v1/admin/spark-jobs routes, which suites use to run a job
   * over a crafted dataset): ECAP_SPARK_JOBS_JAR as an absolute path, since the platform resolves it from its own
   * working directory. Empty when the classpath is not one jar file (then those routes stay off and say why).
   */
  static Map<String, String> forPlatform(String classpath) {
    Path jar = Path.of(classpath);
    return Files.isRegularFile(jar) ? Map.of(JOBS_JAR, jar.toAbsolutePath().normalize().toString()) : Map.of();
  }

  /** What went wrong, or empty when every job exited 0 within {@code timeout} (all jobs together). */
  Optional<Failure> runAll(List<SparkJobSpec> jobs, Map<String, String> endpoints, Duration timeout)
      throws IOException, InterruptedException {
    if (classpath.equals(DEFAULT_JOBS_JAR) && !Files.isRegularFile(Path.of(DEFAULT_JOBS_JAR))) {
      return Optional.of(new Failure(jobs.get(0).getName(), "the Spark jobs jar " + Path.of(DEFAULT_JOBS_JAR)
          .toAbsolutePath() + " does not exist; build it with: mvn -pl system/analytics -am install -DskipTests (or set "
          + JOBS_JAR + ")", ""));
    }
    Files.createDirectories(logDir);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = 0; i < jobs.size(); i++) {
      SparkJobSpec job = jobs.get(i);
      Optional<Failure> failure = runOne(job, i + 1, jobs.size(), endpoints, deadline, timeout);
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  private Optional<Failure> runOne(SparkJobSpec job, int number, int total, Map<String, String> endpoints,
      long deadline, Duration timeout) throws IOException, InterruptedException {
    Path log = logDir.resolve(job.getName() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command(job)).redirectErrorStream(true).redirectOutput(log.toFile());
    for (String key : PASSED_ENDPOINTS) {
      if (endpoints.containsKey(key)) {
        builder.environment().put(key, endpoints.get(key));
      }
    }
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("ECAP_SPARK_MASTER", "local[2]");
    out.printf("[ecap] spark job %d/%d %s (%s) started, log %s%n", number, total, job.getName(), job.getMainClass(), log);
    long start = System.nanoTime();
    Process process = builder.start();
    while (!process.waitFor(Math.min(HEARTBEAT.toNanos(), Math.max(1, deadline - System.nanoTime())),
        TimeUnit.NANOSECONDS)) {
      if (System.nanoTime() >= deadline) {
        ProcessTree.stop(process, Duration.ofSeconds(10));
        return Optional.of(new Failure(job.getName(), "Spark job " + job.getName() + " was stopped: the Spark jobs took"
            + " longer than " + timeout.toSeconds() + " s (spec.timeouts.sparkJobs)", tail(log)));
      }
      out.printf(Locale.ROOT, "[ecap] spark job %s still running (%.0f s)%n", job.getName(), seconds(start));
    }
    int exit = process.exitValue();
    if (exit != 0) {
      return Optional.of(new Failure(job.getName(), "Spark job " + job.getName() + " (" + job.getMainClass()
          + ") exited with code " + exit + (exit == QUALITY_GATE_EXIT ? " (stopped by the data-quality gate)" : "")
          + "; log " + log, tail(log)));
    }
    out.printf(Locale.ROOT, "[ecap] spark job %s done in %.1f s%n", job.getName(), seconds(start));
    return Optional.empty();
  }

  List<String> command(SparkJobSpec job) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SPARK_JVM_FLAGS);
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(classpath);
    command.add(job.getMainClass());
    if (job.getArgs() != null) {
      command.addAll(job.getArgs());
    }
    return command;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** A job that failed: its name, why, and the last lines of its log. */
  record Failure(String job, String reason, String logTail) {
  }
}
