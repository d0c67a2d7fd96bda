package io.ecap.platform.core.sparkjobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Spark job as a child JVM in local mode: {@code java <Spark's JVM flags> -cp spark-jobs.jar Main args}.
 * A separate process because Spark's classpath (kafka-clients 3.9, Jackson 2.18, ~360 MB of jars) must not meet
 * the services' (kafka-clients 4.1); it is what spark-submit does in a cluster, minus the cluster.
 *
 * <p>The child gets the caller's environment, minus {@code unset}, plus {@code environment} (ECAP_LAKE_PATH,
 * ECAP_JDBC_URL, ... ) and {@code SPARK_LOCAL_IP=127.0.0.1}; its output goes to {@code <logDir>/<SimpleName>-<n>.log}.
 * A job past its timeout, or whose caller is interrupted while it runs, is killed with everything it started.
 */
public final class SparkJobLauncher {

  /** Spark 4.0's own module flags (what spark-submit adds); without them Spark fails on Java 17. */
  public static final List<String> SPARK_JVM_FLAGS = List.of(
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

  private final Path jobsJar;
  private final Map<String, String> environment;
  private final Set<String> unset;
  private final Path logDir;
  private final String heap;
  private int launched;

  /**
   * @param jobsJar the shaded {@code system-analytics-*-spark-jobs.jar}
   * @param heap the child's -Xmx, e.g. "2g"
   */
  public SparkJobLauncher(Path jobsJar, Map<String, String> environment, Path logDir, String heap) {
    this(jobsJar, environment, Set.of(), logDir, heap);
  }

  /**
   * @param unset variables of the caller's environment the child must not inherit (e.g. ECAP_LANDING_PATH, so the
   *     job's own default, {@code <lake>/landing}, applies to the lake given in {@code environment})
   */
  public SparkJobLauncher(Path jobsJar, Map<String, String> environment, Set<String> unset, Path logDir, String heap) {
    if (!Files.isRegularFile(jobsJar)) {
      throw new IllegalArgumentException("Spark jobs jar not found: " + jobsJar);
    }
    this.jobsJar = jobsJar;
    this.environment = Map.copyOf(environment);
    this.unset = Set.copyOf(unset);
    this.logDir = logDir;
    this.heap = heap;
  }

  /** The command line, for logs and documentation. */
  public List<String> command(String job, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.addAll(SPARK_JVM_FLAGS);
    cmd.add("-cp");
    cmd.add(jobsJar.toString());
    cmd.add(SparkJobCatalog.mainClassOf(job));
    cmd.addAll(args);
    return cmd;
  }

  /** Runs {@code job} (short name or main class) to completion, killing it after {@code timeout}. */
  public SparkJobResult run(String job, List<String> args, Duration timeout) throws IOException, InterruptedException {
    String mainClass = SparkJobCatalog.mainClassOf(job);
    Files.createDirectories(logDir);
    Path log = logDir.resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + (++launched) + ".log");
    ProcessBuilder pb = new ProcessBuilder(command(job, args)).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = new HashMap<>(environment);
    env.putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().keySet().removeAll(unset);
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process process = pb.start();
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // The caller is going away (e.g. the platform stops): a Spark JVM left behind would hold cores and the lake.
      kill(process);
      throw e;
    }
    if (!finished) {
      kill(process);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new SparkJobResult(mainClass, finished ? process.exitValue() : -1, !finished, took, log);
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // killed forcibly; nothing more to do
    }
  }
}
