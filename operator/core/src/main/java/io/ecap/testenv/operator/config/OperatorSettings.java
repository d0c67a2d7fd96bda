package io.ecap.testenv.operator.config;

import io.ecap.testenv.operator.api.validation.GoDuration;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operator's own settings (Helm values end up here as environment variables). A system property
 * of the same name wins over the environment, so tests and `java -D...` can override one setting.
 *
 * @param maxConcurrentRuns runs provisioned at once; the rest wait as Pending/Queued
 * @param platformImage replaces the CRD's default platform image when the run kept that default (empty: keep it)
 * @param testRunnerImage the same for the test-runner image
 * @param sparkImage the same for the Spark image
 * @param watchedNamespaces namespaces whose runs are reconciled; empty means all
 * @param pushgatewayUrl Pushgateway for runs that name none (empty: none)
 * @param operatorNamespace namespace of the operator, allowed through each run's NetworkPolicy
 * @param prometheusNamespace namespace of Prometheus, allowed to scrape the run's pods (empty: none)
 * @param httpPort port of /metrics, /healthz and /readyz
 * @param leaseName leader-election lease (empty: no leader election)
 * @param pollInterval how often a progressing run is looked at even without events (timeouts)
 * @param queueRecheckInterval how often a queued run checks for a free slot
 * @param logLinesPerPod diagnostics: last lines of each container's log
 * @param logBytesPerPod diagnostics: cap per container log
 * @param retryInitialInterval first back-off after a failed reconcile (transient API errors)
 * @param retryMaxAttempts failed reconciles retried before waiting for the next event or poll
 */
public record OperatorSettings(
    int maxConcurrentRuns,
    String platformImage,
    String testRunnerImage,
    String sparkImage,
    Set<String> watchedNamespaces,
    String pushgatewayUrl,
    String operatorNamespace,
    String prometheusNamespace,
    int httpPort,
    String leaseName,
    Duration pollInterval,
    Duration queueRecheckInterval,
    int logLinesPerPod,
    int logBytesPerPod,
    Duration retryInitialInterval,
    int retryMaxAttempts) {

  public static OperatorSettings defaults() {
    return from(Map.of(), new Properties());
  }

  public static OperatorSettings fromEnvironment() {
    return from(System.getenv(), System.getProperties());
  }

  public static OperatorSettings from(Map<String, String> env, Properties properties) {
    Function<String, Optional<String>> get = key -> Optional.ofNullable(properties.getProperty(key))
        .or(() -> Optional.ofNullable(env.get(key)))
        .map(String::trim)
        .filter(value -> !value.isEmpty());
    return new OperatorSettings(
        get.apply("ECAP_MAX_CONCURRENT_RUNS").map(Integer::parseInt).orElse(5),
        get.apply("ECAP_PLATFORM_IMAGE").orElse(""),
        get.apply("ECAP_TEST_RUNNER_IMAGE").orElse(""),
        get.apply("ECAP_SPARK_IMAGE").orElse(""),
        get.apply("ECAP_WATCH_NAMESPACES").map(OperatorSettings::commaSet).orElse(Set.of()),
        get.apply("ECAP_PUSHGATEWAY_URL").orElse(""),
        get.apply("ECAP_OPERATOR_NAMESPACE").orElse("ecap-system"),
        get.apply("ECAP_PROMETHEUS_NAMESPACE").orElse(""),
        get.apply("ECAP_HTTP_PORT").map(Integer::parseInt).orElse(8080),
        get.apply("ECAP_LEADER_ELECTION_LEASE").orElse(""),
        get.apply("ECAP_POLL_INTERVAL").map(GoDuration::parse).orElse(Duration.ofSeconds(5)),
        get.apply("ECAP_QUEUE_RECHECK_INTERVAL").map(GoDuration::parse).orElse(Duration.ofSeconds(10)),
        get.apply("ECAP_LOG_LINES_PER_POD").map(Integer::parseInt).orElse(200),
        get.apply("ECAP_LOG_BYTES_PER_POD").map(Integer::parseInt).orElse(16 * 1024),
        get.apply("ECAP_RETRY_INITIAL_INTERVAL").map(GoDuration::parse).orElse(Duration.ofSeconds(2)),
        get.apply("ECAP_RETRY_MAX_ATTEMPTS").map(Integer::parseInt).orElse(8));
  }

  public OperatorSettings withMaxConcurrentRuns(int max) {
    return new OperatorSettings(max, platformImage, testRunnerImage, sparkImage, watchedNamespaces, pushgatewayUrl,
        operatorNamespace, prometheusNamespace, httpPort, leaseName, pollInterval, queueRecheckInterval, logLinesPerPod,
        logBytesPerPod, retryInitialInterval, retryMaxAttempts);
  }

  public OperatorSettings withTimings(Duration poll, Duration queueRecheck, Duration retryInitial) {
    return new OperatorSettings(maxConcurrentRuns, platformImage, testRunnerImage, sparkImage, watchedNamespaces,
        pushgatewayUrl, operatorNamespace, prometheusNamespace, httpPort, leaseName, poll, queueRecheck, logLinesPerPod,
        logBytesPerPod, retryInitial, retryMaxAttempts);
  }

  public OperatorSettings withPushgatewayUrl(String url) {
    return new OperatorSettings(maxConcurrentRuns, platformImage, testRunnerImage, sparkImage, watchedNamespaces,
        url, operatorNamespace, prometheusNamespace, httpPort, leaseName, pollInterval, queueRecheckInterval,
        logLinesPerPod, logBytesPerPod, retryInitialInterval, retryMaxAttempts);
  }

  private static Set<String> commaSet(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}
