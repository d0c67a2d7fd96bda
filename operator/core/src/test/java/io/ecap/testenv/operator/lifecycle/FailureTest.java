package io.ecap.testenv.operator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.sim.Behaviour;
import io.ecap.testenv.operator.sim.OperatorHarness;
import io.ecap.testenv.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureTest {

  private final OperatorHarness harness = new OperatorHarness().startOperator();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void failingTestsFailTheRunNamingTheGateMissed() {
    harness.behaviour.summaries = (run, shard) -> Behaviour.summary(run, shard[0], shard[1], 8, shard[0] == 0 ? 2 : 0, 40.0);
    harness.create(OperatorHarness.run("red", spec -> { }));

    IntegrationTestRun run = harness.awaitPhase("red", Phase.Failed);
    assertThat(run.getStatus().getReason()).isEqualTo("TestsFailed");
    assertThat(run.getStatus().getMessage()).contains("2 failed").contains("minSuccessRate 88.89 < 95");
    assertThat(Conditions.get(run.getStatus(), Conditions.QUALITY_GATES_PASSED).orElseThrow())
        .satisfies(c -> {
          assertThat(c.getStatus()).isEqualTo("False");
          assertThat(c.getReason()).isEqualTo("QualityGatesFailed");
          assertThat(c.getMessage()).contains("minSuccessRate");
        });
    assertThat(run.getStatus().getResults().getFailures()).singleElement()
        .satisfies(f -> assertThat(f.getTest()).isEqualTo("OrdersApiTest.createsOrder"));
  }

  @Test
  void allTestsPassingButSlowApiIsQualityGatesFailed() {
    harness.behaviour.summaries = (run, shard) -> Behaviour.summary(run, shard[0], shard[1], 10, 0, 340.0);
    harness.create(OperatorHarness.run("slow", spec -> { }));

    IntegrationTestRun run = harness.awaitPhase("slow", Phase.Failed);
    assertThat(run.getStatus().getReason()).isEqualTo("QualityGatesFailed");
    assertThat(run.getStatus().getMessage()).contains("apiP95Millis 340 > 200");
  }

  @Test
  void summariesAreReadFromTerminationMessagesWhenTheConfigMapsAreMissing() {
    harness.behaviour.writeConfigMaps = false;
    harness.create(OperatorHarness.run("no-configmaps", spec -> { }));

    IntegrationTestRun run = harness.awaitPhase("no-configmaps", Phase.Succeeded);
    assertThat(run.getStatus().getResults().getShardsReported()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} never ready")
  @CsvSource({
      "postgres,      postgres: 0/1 replicas ready",
      "redis,         redis: 0/1 replicas ready",
      "kafka,         kafka: no Ready condition from Strimzi",
      "kafka-topics,  kafka-topics: 0/2 topics ready",
      "api,           service/api: 0/1 replicas ready"})
  void environmentTimeoutNamesTheComponentAndWhy(String component, String expected) {
    harness.behaviour.neverReady.add(component);
    harness.create(OperatorHarness.run("slow-" + component, spec -> spec.getTimeouts().setEnvironment("2s")));

    IntegrationTestRun run = harness.awaitPhase("slow-" + component, Phase.Failed);
    assertThat(run.getStatus().getReason()).isEqualTo("EnvironmentNotReady");
    assertThat(run.getStatus().getMessage()).startsWith("environment not ready after 2s: ").contains(expected);
    assertThat(Conditions.get(run.getStatus(), Conditions.ENVIRONMENT_READY).orElseThrow().getReason()).isEqualTo("EnvironmentNotReady");
  }

  @Test
  void seedingTimeoutNamesTheSeedJob() {
    harness.behaviour.neverReady.add("seed");
    harness.create(OperatorHarness.run("slow-seed", spec -> spec.getTimeouts().setSeeding("2s")));

    IntegrationTestRun run = harness.awaitPhase("slow-seed", Phase.Failed);
    assertThat(run.getStatus().getMessage()).startsWith("seed not complete after 2s: job seed-dataset running");
  }

  @Test
  void sparkJobTimeoutNamesTheJob() {
    harness.behaviour.neverReady.add("rfm");
    harness.create(OperatorHarness.run("slow-spark", spec -> spec.getTimeouts().setSparkJobs("2s")));

    IntegrationTestRun run = harness.awaitPhase("slow-spark", Phase.Failed);
    assertThat(run.getStatus().getReason()).isEqualTo("EnvironmentNotReady");
    assertThat(run.getStatus().getMessage()).contains("Spark jobs not finished after 2s: spark/rfm: submitted; driver pod spark-rfm-driver not seen yet");
  }

  @Test
  void failedSparkDriverFailsTheRunWithTheJobNamed() {
    harness.behaviour.failing.add("rfm");
    harness.create(OperatorHarness.run("spark-fails", spec -> { }));

    IntegrationTestRun run = harness.awaitPhase("spark-fails", Phase.Failed);
    assertThat(run.getStatus().getMessage()).startsWith("spark/rfm: driver pod spark-rfm-driver: Failed");
    assertThat(run.getStatus().getSparkJobs().get(0).getState()).isEqualTo("Failed");
  }

  @Test
  void oomKilledPodIsTheClustersFaultNamedWithThePod() {
    harness.behaviour.oomKilled.add("redis");
    harness.create(OperatorHarness.run("oom", spec -> { }));

    IntegrationTestRun run = harness.awaitPhase("oom", Phase.Failed);
    assertThat(run.getStatus().getReason()).isEqualTo("InfrastructureFailure");
    assertThat(run.getStatus().getMessage()).isEqualTo("pod redis-0: container redis was OOMKilled");
  }

  @Test
  void specInvalidBeyondTheSchemaFailsWithTheFieldNamedAndAnEvent() {
    harness.create(OperatorHarness.run("bad", spec -> spec.getPlatform().getServices().get(0).setName("postgres")));

    IntegrationTestRun run = harness.awaitPhase("bad", Phase.Failed);
    assertThat(run.getStatus().getReason()).isEqualTo("InvalidSpec");
    assertThat(run.getStatus().getMessage()).startsWith("spec.platform.services[0].name: 'postgres' is the name of an infrastructure service");
    List<Event> events = harness.client().v1().events().inNamespace(OperatorHarness.NAMESPACE).list().getItems();
    assertThat(events).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo("InvalidSpec");
      assertThat(e.getInvolvedObject().getName()).isEqualTo("bad");
    });
    assertThat(run.getStatus().getNamespace()).isNull();
  }
}
