package io.ecap.testenv.operator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.spec.KeepOnFailureSpec;
import io.ecap.testenv.operator.api.spec.TeardownPolicy;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.sim.Behaviour;
import io.ecap.testenv.operator.sim.OperatorHarness;
import io.ecap.testenv.operator.status.Conditions;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeardownTest {

  private final OperatorHarness harness = new OperatorHarness().startOperator();

  @AfterEach
  void close() {
    harness.close();
  }

  private void failTests() {
    harness.behaviour.summaries = (run, shard) -> Behaviour.summary(run, shard[0], shard[1], 1, 5, 40.0);
  }

  private IntegrationTestRun awaitTornDownCondition(String name, String reason) {
    return harness.await(name, r -> Conditions.get(r.getStatus(), Conditions.TORN_DOWN).map(c -> reason.equals(c.getReason())).orElse(false),
        Duration.ofSeconds(30));
  }

  @Test
  void onSuccessKeepsAFailedRunsEnvironment() {
    failTests();
    harness.create(OperatorHarness.run("keep-failed", spec -> spec.getTeardown().setPolicy(TeardownPolicy.OnSuccess)));

    IntegrationTestRun run = awaitTornDownCondition("keep-failed", "Kept");
    assertThat(run.getStatus().getPhase()).isEqualTo(Phase.Failed);
    assertThat(harness.client().namespaces().withName(run.getStatus().getNamespace()).get()).isNotNull();
    assertThat(Leftovers.count(harness.client(), run.getStatus().getNamespace(), io.fabric8.kubernetes.api.model.apps.StatefulSet.class)).isEqualTo(2);
  }

  @Test
  void onSuccessTearsDownASuccessfulRun() {
    harness.create(OperatorHarness.run("ok", spec -> spec.getTeardown().setPolicy(TeardownPolicy.OnSuccess)));

    IntegrationTestRun run = awaitTornDownCondition("ok", "TornDown");
    Leftovers.assertNone(harness.client(), run.getStatus().getNamespace());
  }

  @Test
  void neverKeepsTheEnvironmentUntilTheRunIsDeleted() {
    harness.create(OperatorHarness.run("never", spec -> spec.getTeardown().setPolicy(TeardownPolicy.Never)));

    IntegrationTestRun run = awaitTornDownCondition("never", "Kept");
    String namespace = run.getStatus().getNamespace();
    assertThat(harness.client().namespaces().withName(namespace).get()).isNotNull();

    harness.client().resource(run).delete();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> harness.get("never") == null);
    assertThat(harness.client().namespaces().withName(namespace).get()).isNull();
    Leftovers.assertNone(harness.client(), namespace);
  }

  @Test
  void ttlDeletesTheRunAfterTeardown() {
    harness.create(OperatorHarness.run("short-lived", spec -> spec.getTeardown().setTtlSecondsAfterFinished(1)));

    harness.awaitPhase("short-lived", Phase.Succeeded);
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> harness.get("short-lived") == null);
  }

  @Test
  void keepOnFailureKeepsTheEnvironmentUntilItsExpiry() {
    failTests();
    harness.create(OperatorHarness.run("debug-me", spec -> {
      KeepOnFailureSpec keep = new KeepOnFailureSpec();
      keep.setEnabled(true);
      keep.setExpiry("3s");
      spec.getTeardown().setKeepOnFailure(keep);
    }));

    IntegrationTestRun kept = awaitTornDownCondition("debug-me", "Kept");
    assertThat(Conditions.get(kept.getStatus(), Conditions.TORN_DOWN).orElseThrow().getMessage()).contains("kept for debugging until");
    assertThat(harness.client().namespaces().withName(kept.getStatus().getNamespace()).get()).isNotNull();

    IntegrationTestRun run = awaitTornDownCondition("debug-me", "TornDown");
    assertThat(Duration.between(java.time.Instant.parse(run.getStatus().getFinishedAt()),
        java.time.Instant.parse(Conditions.get(run.getStatus(), Conditions.TORN_DOWN).orElseThrow().getLastTransitionTime())))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    Leftovers.assertNone(harness.client(), run.getStatus().getNamespace());
  }

  @Test
  void deletingARunningRunRemovesItsEnvironment() {
    harness.behaviour.neverReady.add("kafka");
    harness.create(OperatorHarness.run("doomed", spec -> { }));
    IntegrationTestRun running = harness.await("doomed", r -> r.getStatus() != null && r.getStatus().getNamespace() != null
        && r.getStatus().getComponents() != null, Duration.ofSeconds(20));
    String namespace = running.getStatus().getNamespace();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
        Leftovers.count(harness.client(), namespace, io.fabric8.kubernetes.api.model.apps.StatefulSet.class) == 2);

    harness.client().resource(running).delete();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> harness.get("doomed") == null);
    assertThat(harness.client().namespaces().withName(namespace).get()).isNull();
    Leftovers.assertNone(harness.client(), namespace);
  }
}
