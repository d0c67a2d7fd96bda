package io.ecap.testenv.operator.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every name the operator generates for a run, in one place. Objects inside the run's namespace
 * have short fixed names (the namespace is the run's own); only the namespace, label values and the
 * diagnostics ConfigMap derive from the run's name, truncated and hashed to stay valid.
 */
public final class RunNames {

  public static final int DNS_LABEL_MAX = 63;
  public static final int DNS_SUBDOMAIN_MAX = 253;

  public static final String SECRET = "environment-credentials";
  public static final String NETWORK_POLICY = "isolate-run";
  public static final String RESOURCE_QUOTA = "run-quota";
  public static final String LIMIT_RANGE = "run-limits";
  public static final String SPARK_SERVICE_ACCOUNT = "spark-driver";
  public static final String RUNNER_SERVICE_ACCOUNT = "test-runner";
  public static final String POSTGRES = "postgres";
  public static final String REDIS = "redis";
  public static final String KAFKA = "kafka";
  public static final String KAFKA_NODE_POOL = "dual-role";
  /** The lake's PersistentVolumeClaim, and the volume's name in every pod (and Spark conf) that mounts it. */
  public static final String LAKE_CLAIM = "lake";
  public static final String SEED_JOB = "seed-dataset";
  public static final String RUNNER_JOB = "test-runner";
  public static final String RESULTS_CONFIGMAP_PREFIX = "test-results";

  private final String runName;
  private final String runUid;

  public RunNames(String runName, String runUid) {
    this.runName = runName;
    this.runUid = runUid;
  }

  /** {@code itr-<name>-<6 hex of the uid>}: a DNS label of at most 63 characters, unique per run. */
  public String namespace() {
    String suffix = hash(runUid, 6);
    int room = DNS_LABEL_MAX - "itr-".length() - 1 - suffix.length();
    return "itr-" + labelSafe(runName, room) + "-" + suffix;
  }

  /** Value of the {@code testing.ecap.io/run} label: the run's name when it fits a label value, else truncated and hashed. */
  public String runLabel() {
    if (runName.length() <= DNS_LABEL_MAX && runName.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
      return runName;
    }
    String suffix = hash(runName, 8);
    return labelSafe(runName, DNS_LABEL_MAX - 1 - suffix.length()) + "-" + suffix;
  }

  /** ConfigMap with collected logs and events, in the run's own namespace. */
  public String diagnosticsConfigMap() {
    String suffix = "-diagnostics";
    if (runName.length() + suffix.length() <= DNS_SUBDOMAIN_MAX) {
      return runName + suffix;
    }
    String hash = hash(runName, 8);
    return runName.substring(0, DNS_SUBDOMAIN_MAX - suffix.length() - hash.length() - 1).replaceAll("[-.]+$", "")
        + "-" + hash + suffix;
  }

  public static String platformService(String service) {
    return service;
  }

  public static String sparkSubmitJob(String job) {
    return "spark-" + job + "-submit";
  }

  /** Deterministic driver pod name, passed to spark-submit so the operator can follow it. */
  public static String sparkDriverPod(String job) {
    return "spark-" + job + "-driver";
  }

  public static String sparkRoleBinding(String serviceAccount) {
    return serviceAccount;
  }

  public static String resultsConfigMap(int shard) {
    return RESULTS_CONFIGMAP_PREFIX + "-shard-" + shard;
  }

  /** KafkaTopic object name: the topic's name when it is a valid object name, else made one and hashed. */
  public static String kafkaTopic(String topic) {
    if (topic.length() <= DNS_LABEL_MAX && topic.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
      return topic;
    }
    String suffix = hash(topic, 8);
    return labelSafe(topic, DNS_LABEL_MAX - 1 - suffix.length()) + "-" + suffix;
  }

  public static String kafkaBootstrap() {
    return KAFKA + "-kafka-bootstrap:9092";
  }

  /** Lower-case letters, digits and '-', at most {@code max} characters, starting and ending alphanumeric. */
  static String labelSafe(String text, int max) {
    String safe = text.toLowerCase().replaceAll("[^a-z0-9-]", "-");
    if (safe.length() > max) {
      safe = safe.substring(0, max);
    }
    safe = safe.replaceAll("^-+", "").replaceAll("-+$", "");
    return safe.isEmpty() ? "run" : safe;
  }

  static String hash(String text, int hexChars) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, hexChars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
