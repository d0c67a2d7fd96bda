package io.ecap.testrunner.launch;

import io.ecap.testenv.operator.api.validation.GoDuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a shard is told through its environment: the contract between the runner and whoever starts
 * it (the operator's indexed Job in a cluster, the embedded launcher on a laptop).
 */
public record ShardEnvironment(String runId, int shardIndex, int shardTotal, List<String> suites, int retries,
    Duration timeout, String profile, Path reportDir, Optional<String> pushgatewayUrl, Optional<String> namespace,
    Optional<String> resultsConfigMap, Optional<Path> terminationMessagePath, Optional<Path> historyFile,
    String suitesPackage) {

  public static final String RUN_ID = "ECAP_RUN_ID";
  public static final String SHARD_INDEX = "ECAP_SHARD_INDEX";
  /** Set by Kubernetes on the pods of an indexed Job; used when ECAP_SHARD_INDEX is absent. */
  public static final String JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";
  public static final String SHARD_TOTAL = "ECAP_SHARD_TOTAL";
  public static final String SUITES = "ECAP_SUITES";
  public static final String RETRIES = "ECAP_RETRIES";
  public static final String TIMEOUT = "ECAP_TIMEOUT";
  public static final String PROFILE = "ECAP_PROFILE";
  public static final String REPORT_DIR = "ECAP_REPORT_DIR";
  public static final String PUSHGATEWAY_URL = "ECAP_PUSHGATEWAY_URL";
  public static final String NAMESPACE = "ECAP_NAMESPACE";
  public static final String RESULTS_CONFIGMAP = "ECAP_RESULTS_CONFIGMAP";
  public static final String TERMINATION_MESSAGE_PATH = "ECAP_TERMINATION_MESSAGE_PATH";
  /** A JSON file of past durations per test class ({@code {"a.B": 12.5}}); shards balance by it. */
  public static final String SHARD_HISTORY = "ECAP_SHARD_HISTORY";
  /** Where suites are looked for; the runner's own suites by default. */
  public static final String SUITES_PACKAGE = "ECAP_SUITES_PACKAGE";

  public static final String DEFAULT_SUITES_PACKAGE = "io.ecap.testrunner.suites";
  public static final Path DEFAULT_REPORT_DIR = Path.of("target", "ecap-report");
  static final Path KUBERNETES_TERMINATION_LOG = Path.of("/dev/termination-log");

  /**
   * @throws IllegalArgumentException naming the variable that is malformed
   */
  public static ShardEnvironment from(Map<String, String> env) {
    int total = integer(env, SHARD_TOTAL, 1, 1);
    String indexVariable = present(env, SHARD_INDEX) ? SHARD_INDEX : JOB_COMPLETION_INDEX;
    int index = integer(env, indexVariable, 0, 0);
    if (index >= total) {
      throw new IllegalArgumentException(indexVariable + "=" + index + " is not a shard of " + SHARD_TOTAL + "=" + total
          + " (shards are numbered from 0)");
    }
    List<String> suites = present(env, SUITES)
        ? Arrays.stream(env.get(SUITES).split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList()
        : List.of();
    Duration timeout;
    try {
      timeout = GoDuration.parse(env.getOrDefault(TIMEOUT, "30m").trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(TIMEOUT + ": " + e.getMessage());
    }
    if (timeout.isZero()) {
      throw new IllegalArgumentException(TIMEOUT + ": must be longer than 0");
    }
    Optional<Path> termination = optional(env, TERMINATION_MESSAGE_PATH).map(Path::of)
        .or(() -> Files.exists(KUBERNETES_TERMINATION_LOG) ? Optional.of(KUBERNETES_TERMINATION_LOG) : Optional.empty());
    return new ShardEnvironment(
        optional(env, RUN_ID).orElse("local"), index, total, suites, integer(env, RETRIES, 0, 0), timeout,
        optional(env, PROFILE).orElse("small"),
        optional(env, REPORT_DIR).map(Path::of).orElse(DEFAULT_REPORT_DIR),
        optional(env, PUSHGATEWAY_URL), optional(env, NAMESPACE), optional(env, RESULTS_CONFIGMAP), termination,
        optional(env, SHARD_HISTORY).map(Path::of), optional(env, SUITES_PACKAGE).orElse(DEFAULT_SUITES_PACKAGE));
  }

  /** In a cluster with a results ConfigMap to write: both the namespace and the name are set. */
  public boolean writesConfigMap() {
    return namespace.isPresent() && resultsConfigMap.isPresent();
  }

  private static boolean present(Map<String, String> env, String name) {
    return env.get(name) != null && !env.get(name).isBlank();
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    return present(env, name) ? Optional.of(env.get(name).trim()) : Optional.empty();
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min) {
    if (!present(env, name)) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(env.get(name).trim());
      if (value < min) {
        throw new IllegalArgumentException(name + "=" + value + " must be at least " + min);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "='" + env.get(name) + "' is not a whole number");
    }
  }
}
