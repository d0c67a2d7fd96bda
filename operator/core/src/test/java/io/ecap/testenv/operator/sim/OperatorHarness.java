package io.ecap.testenv.operator.sim;

import io.ecap.testenv.operator.OperatorFactory;
import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.IntegrationTestRunSpec;
import io.ecap.testenv.operator.api.spec.KafkaSpec;
import io.ecap.testenv.operator.api.spec.KafkaTopicSpec;
import io.ecap.testenv.operator.api.spec.PlatformServiceSpec;
import io.ecap.testenv.operator.api.spec.PlatformSpec;
import io.ecap.testenv.operator.api.spec.SparkJobSpec;
import io.ecap.testenv.operator.api.spec.SparkSpec;
import io.ecap.testenv.operator.api.spec.TeardownSpec;
import io.ecap.testenv.operator.api.spec.TestsSpec;
import io.ecap.testenv.operator.api.spec.TimeoutsSpec;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A mock cluster, the simulator and the real JOSDK {@link Operator} with short intervals: what the
 * lifecycle tests and the benchmark run against.
 */
public final class OperatorHarness implements AutoCloseable {

  public static final String NAMESPACE = "team-a";

  /** The mock web server logs every request through java.util.logging at INFO; held so the level sticks. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  public final MockCluster cluster = new MockCluster();
  public final Behaviour behaviour = new Behaviour();
  public final ClusterSimulator simulator;
  public PrometheusMeterRegistry registry;
  private Operator operator;
  private KubernetesClient operatorClient;
  private final OperatorSettings settings;

  public OperatorHarness() {
    this(OperatorSettings.defaults());
  }

  /** Short poll, queue and retry intervals, so timeouts and queues play out in seconds. */
  public OperatorHarness(OperatorSettings base) {
    this(base.withTimings(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(100)), true);
  }

  /** The settings as given (the benchmark uses the operator's real intervals). */
  public OperatorHarness(OperatorSettings settings, boolean asGiven) {
    this.settings = settings;
    client().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
    simulator = new ClusterSimulator(cluster.newClient(), behaviour).start(50);
  }

  public KubernetesClient client() {
    return cluster.client();
  }

  public OperatorHarness startOperator() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operatorClient = cluster.newClient();
    operator = OperatorFactory.create(operatorClient, settings, registry, Clock.systemUTC());
    operator.start();
    return this;
  }

  public void stopOperator() {
    if (operator != null) {
      operator.stop();
      operatorClient.close();
      operator = null;
    }
  }

  /** A small run: one service, two topics, one Spark job, two shards; long timeouts unless the test shortens one. */
  public static IntegrationTestRun run(String name, Consumer<IntegrationTestRunSpec> customize) {
    IntegrationTestRun run = new IntegrationTestRun();
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace(NAMESPACE);
    IntegrationTestRunSpec spec = new IntegrationTestRunSpec();
    PlatformSpec platform = new PlatformSpec();
    PlatformServiceSpec api = new PlatformServiceSpec();
    api.setName("api");
    api.setArgs(List.of("--service", "api"));
    platform.setServices(List.of(api));
    spec.setPlatform(platform);
    KafkaSpec kafka = new KafkaSpec();
    kafka.setTopics(List.of(new KafkaTopicSpec("orders", 3, 1), new KafkaTopicSpec("payments", 3, 1)));
    spec.setKafka(kafka);
    SparkSpec spark = new SparkSpec();
    spark.setJobs(List.of(new SparkJobSpec("rfm", "io.ecap.platform.analytics.jobs.RfmSegmentation")));
    spec.setSpark(spark);
    TestsSpec tests = new TestsSpec();
    tests.setSuites(List.of("api", "streaming"));
    tests.setParallelism(2);
    spec.setTests(tests);
    TimeoutsSpec timeouts = new TimeoutsSpec();
    timeouts.setEnvironment("60s");
    spec.setTimeouts(timeouts);
    TeardownSpec teardown = new TeardownSpec();
    spec.setTeardown(teardown);
    run.setSpec(spec);
    customize.accept(spec);
    return run;
  }

  public IntegrationTestRun create(IntegrationTestRun run) {
    return client().resource(run).create();
  }

  public IntegrationTestRun get(String name) {
    return client().resources(IntegrationTestRun.class).inNamespace(NAMESPACE).withName(name).get();
  }

  public IntegrationTestRun await(String name, Predicate<IntegrationTestRun> condition, Duration timeout) {
    try {
      Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
        IntegrationTestRun run = get(name);
        return run != null && condition.test(run);
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      IntegrationTestRun last = get(name);
      throw new AssertionError("run " + name + " did not reach the expected state; last seen:\n"
          + (last == null ? "(gone)" : io.fabric8.kubernetes.client.utils.Serialization.asYaml(last.getStatus())), e);
    }
    return get(name);
  }

  public IntegrationTestRun awaitPhase(String name, Phase phase) {
    return await(name, r -> r.getStatus() != null && r.getStatus().getPhase() == phase, Duration.ofSeconds(30));
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    stopOperator();
    simulator.close();
    cluster.close();
  }
}
