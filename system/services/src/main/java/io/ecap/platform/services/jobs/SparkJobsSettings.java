package io.ecap.platform.services.jobs;

import io.ecap.platform.services.config.PlatformEndpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the platform runs Spark jobs for the API: the shaded jobs jar, the main lake (a local directory; scratch lakes
 * live under it), the endpoints the jobs write to, the time limit and heap of each job.
 *
 * @param endpoints ECAP_JDBC_URL / _USER / _PASSWORD and ECAP_KAFKA_BOOTSTRAP as the jobs read them
 */
public record SparkJobsSettings(Path jobsJar, Path mainLake, Map<String, String> endpoints, Duration timeout,
                                String heap) {

  public static final String JOBS_JAR = "ECAP_SPARK_JOBS_JAR";
  public static final String TIMEOUT = "ECAP_SPARK_JOB_TIMEOUT";
  public static final String HEAP = "ECAP_SPARK_JOB_HEAP";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
  /** What make run gives each job: enough for the small and medium profiles beside the embedded platform. */
  public static final String DEFAULT_HEAP = "1g";
  static final String LAKE_PATH = "ECAP_LAKE_PATH";
  static final String JOB_RUN_ID = "ECAP_JOB_RUN_ID";
  /**
   * Not inherited from the platform's environment: a landing path set for the main lake would make a scratch lake's
   * job ingest the main lake's files; unset, the job uses {@code <its lake>/landing}.
   */
  static final Set<String> NOT_INHERITED = Set.of("ECAP_LANDING_PATH");

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern HEAP_SIZE = Pattern.compile("\\d+[kmgKMG]?");

  public SparkJobsSettings {
    endpoints = Map.copyOf(endpoints);
  }

  /** The settings from ECAP_SPARK_JOB_TIMEOUT and ECAP_SPARK_JOB_HEAP (defaults 15m and 1g) and the given parts. */
  public static SparkJobsSettings of(Path jobsJar, Path mainLake, PlatformEndpoints endpoints, Map<String, String> env) {
    Map<String, String> passed = new LinkedHashMap<>();
    passed.put(PlatformEndpoints.JDBC_URL, endpoints.jdbcUrl());
    passed.put(PlatformEndpoints.JDBC_USER, endpoints.jdbcUser());
    passed.put(PlatformEndpoints.JDBC_PASSWORD, endpoints.jdbcPassword());
    passed.put(PlatformEndpoints.KAFKA_BOOTSTRAP, endpoints.kafkaBootstrap());
    String heap = env.getOrDefault(HEAP, DEFAULT_HEAP).trim();
    if (!HEAP_SIZE.matcher(heap).matches()) {
      throw new IllegalArgumentException(HEAP + " must be a JVM heap size such as 1g or 1536m, got '" + heap + "'");
    }
    return new SparkJobsSettings(jobsJar, mainLake, passed, duration(env.get(TIMEOUT)), heap);
  }

  /** {@code 15m}, {@code 90s}, {@code 1h}, {@code 500ms}; the default when unset. */
  static Duration duration(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException(TIMEOUT + " must be a positive duration such as 15m, 90s or 1h, got '"
          + value + "'");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** The child JVM's variables for one run over {@code lake}: the endpoints, the lake and the run id to record under. */
  Map<String, String> environment(UUID runId, Path lake) {
    Map<String, String> env = new HashMap<>(endpoints);
    env.put(LAKE_PATH, lake.toString());
    env.put(JOB_RUN_ID, runId.toString());
    return env;
  }

  /** Where a run's output goes: inside the main lake, so it is emptied with the lake and never mixed with its data. */
  Path logDir(UUID runId) {
    return mainLake.resolve("_job_logs").resolve(runId.toString());
  }
}
