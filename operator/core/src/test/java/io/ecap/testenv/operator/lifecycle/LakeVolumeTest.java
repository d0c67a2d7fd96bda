package io.ecap.testenv.operator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.spec.TeardownPolicy;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.sim.OperatorHarness;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lake's claim over a run's life: created, mounted by every pod that uses the lake, gone with the namespace. */
class LakeVolumeTest {

  private final OperatorHarness harness = new OperatorHarness().startOperator();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theLakeClaimIsMountedBySeedSparkServicesAndRunnerAndGoesWithTheNamespace() {
    harness.create(OperatorHarness.run("lake", spec -> spec.getTeardown().setPolicy(TeardownPolicy.Never)));

    // A claim that never binds (the mock has no provisioner) does not hold the run up: readiness never waits for Bound.
    IntegrationTestRun run = harness.awaitPhase("lake", Phase.Succeeded);
    String namespace = run.getStatus().getNamespace();
    PersistentVolumeClaim claim = harness.client().persistentVolumeClaims().inNamespace(namespace).withName("lake").get();
    assertThat(claim).isNotNull();
    assertThat(claim.getStatus() == null ? null : claim.getStatus().getPhase()).isNull();
    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("5Gi");

    Job seed = harness.client().batch().v1().jobs().inNamespace(namespace).withName("seed-dataset").get();
    assertMountsLake(seed.getSpec().getTemplate().getSpec(), false);
    assertMountsLake(pod(namespace, "api-7d4b9-x1").getSpec(), false);
    assertMountsLake(pod(namespace, "spark-rfm-driver").getSpec(), false);
    assertMountsLake(pod(namespace, "test-runner-0-abcde").getSpec(), true);
    assertMountsLake(pod(namespace, "test-runner-1-abcde").getSpec(), true);

    harness.client().resource(run).delete();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> harness.get("lake") == null);
    assertThat(harness.client().namespaces().withName(namespace).get()).isNull();
    assertThat(harness.client().persistentVolumeClaims().inNamespace(namespace).list().getItems()).isEmpty();
    Leftovers.assertNone(harness.client(), namespace);
  }

  private Pod pod(String namespace, String name) {
    Pod pod = harness.client().pods().inNamespace(namespace).withName(name).get();
    assertThat(pod).as("pod %s", name).isNotNull();
    return pod;
  }

  private static void assertMountsLake(PodSpec pod, boolean readOnly) {
    assertThat(pod.getVolumes()).filteredOn(v -> v.getPersistentVolumeClaim() != null).singleElement()
        .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("lake"));
    Container container = pod.getContainers().get(0);
    assertThat(container.getVolumeMounts()).filteredOn(m -> "/lake".equals(m.getMountPath())).singleElement()
        .satisfies(m -> assertThat(m.getReadOnly()).isEqualTo(readOnly));
    assertThat(container.getEnv()).filteredOn(e -> "ECAP_LAKE_PATH".equals(e.getName())).extracting(EnvVar::getValue)
        .containsExactly("/lake");
  }
}
