package io.ecap.testenv.operator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.sim.OperatorHarness;
import io.ecap.testenv.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ResilienceTest {

  @Test
  void anOperatorStoppedMidPhaseIsReplacedAndTheNewOneFinishesWithoutDuplicatesOrLeaks() {
    try (OperatorHarness harness = new OperatorHarness().startOperator()) {
      harness.behaviour.neverReady.add("api");
      harness.create(OperatorHarness.run("restart", spec -> { }));
      IntegrationTestRun provisioning = harness.await("restart", r -> r.getStatus() != null && r.getStatus().getComponents() != null
          && r.getStatus().getComponents().stream().anyMatch(c -> c.getName().equals("postgres") && c.getReadySeconds() != null),
          Duration.ofSeconds(20));
      String namespace = provisioning.getStatus().getNamespace();

      harness.stopOperator();
      harness.behaviour.neverReady.clear();
      harness.startOperator();

      IntegrationTestRun run = harness.awaitPhase("restart", Phase.Succeeded);
      assertThat(run.getStatus().getNamespace()).isEqualTo(namespace);
      assertThat(run.getStatus().getStartedAt()).isEqualTo(provisioning.getStatus().getStartedAt());
      assertThat(harness.client().namespaces().withLabel("testing.ecap.io/run", "restart").list().getItems()).hasSize(1);
      harness.await("restart", r -> Conditions.isTrue(r.getStatus(), Conditions.TORN_DOWN), Duration.ofSeconds(20));
      Leftovers.assertNone(harness.client(), namespace);
    }
  }

  @Test
  void operatorRestartedWhileTestsRunCreatesNoSecondRunnerJob() {
    try (OperatorHarness harness = new OperatorHarness().startOperator()) {
      harness.behaviour.neverReady.add("rfm");
      harness.create(OperatorHarness.run("mid-test", spec -> spec.getTeardown().setPolicy(
          io.ecap.testenv.operator.api.spec.TeardownPolicy.Never)));
      IntegrationTestRun waiting = harness.await("mid-test", r -> r.getStatus() != null
          && "RunningSparkJobs".equals(r.getStatus().getReason()), Duration.ofSeconds(20));
      String namespace = waiting.getStatus().getNamespace();
      harness.stopOperator();
      harness.behaviour.neverReady.clear();
      harness.startOperator();

      harness.awaitPhase("mid-test", Phase.Succeeded);
      assertThat(Leftovers.count(harness.client(), namespace, Job.class)).isEqualTo(3); // seed, one submitter, runner
      assertThat(Leftovers.count(harness.client(), namespace, StatefulSet.class)).isEqualTo(2);
    }
  }

  @Test
  void conflictsAndTransientApiErrorsAreRetriedToSuccess() {
    try (OperatorHarness harness = new OperatorHarness().startOperator()) {
      harness.cluster.inject("POST", "/secrets", 409, 1);
      harness.cluster.inject("POST", "/statefulsets", 500, 2);
      harness.cluster.inject("PATCH", "/integrationtestruns/", 500, 1);
      // 5xx are retried inside the client; a 403 reaches the operator, which counts the failed deletion and retries
      harness.cluster.inject("DELETE", "/deployments/", 403, 1);
      harness.create(OperatorHarness.run("flaky-api", spec -> { }));

      IntegrationTestRun run = harness.awaitPhase("flaky-api", Phase.Succeeded);
      run = harness.await("flaky-api", r -> Conditions.isTrue(r.getStatus(), Conditions.TORN_DOWN), Duration.ofSeconds(20));
      assertThat(harness.cluster.injectedFaults()).isEqualTo(5);
      assertThat(run.getStatus().getTeardownFailures()).isEqualTo(1);
      assertThat(harness.scrape()).contains("ecap_operator_teardown_failures_total 1.0");
      Leftovers.assertNone(harness.client(), run.getStatus().getNamespace());
    }
  }

  @Test
  void runsBeyondTheConcurrencyLimitQueueAndStartInOrder() {
    try (OperatorHarness harness = new OperatorHarness(OperatorSettings.defaults().withMaxConcurrentRuns(1)).startOperator()) {
      harness.behaviour.neverReady.add("api");
      harness.create(OperatorHarness.run("first", spec -> { }));
      harness.await("first", r -> r.getStatus() != null && r.getStatus().getPhase() == Phase.Provisioning, Duration.ofSeconds(10));
      harness.create(OperatorHarness.run("second", spec -> { }));
      harness.create(OperatorHarness.run("third", spec -> { }));

      IntegrationTestRun second = harness.await("second", r -> r.getStatus() != null && "Queued".equals(r.getStatus().getReason()), Duration.ofSeconds(10));
      IntegrationTestRun third = harness.await("third", r -> r.getStatus() != null && "Queued".equals(r.getStatus().getReason())
          && r.getStatus().getMessage().contains("position 2"), Duration.ofSeconds(10));
      assertThat(second.getStatus().getPhase()).isEqualTo(Phase.Pending);
      assertThat(second.getStatus().getMessage()).contains("1 of 1 runs in progress; position 1");
      assertThat(third.getStatus().getNamespace()).isNull();
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> harness.scrape().contains("ecap_operator_queue_length 2.0"));

      harness.behaviour.neverReady.clear();
      IntegrationTestRun firstDone = harness.awaitPhase("first", Phase.Succeeded);
      IntegrationTestRun secondDone = harness.awaitPhase("second", Phase.Succeeded);
      IntegrationTestRun thirdDone = harness.awaitPhase("third", Phase.Succeeded);
      assertThat(secondDone.getStatus().getStartedAt()).isGreaterThanOrEqualTo(firstDone.getStatus().getFinishedAt());
      assertThat(thirdDone.getStatus().getStartedAt()).isGreaterThanOrEqualTo(secondDone.getStatus().getFinishedAt());
    }
  }
}
