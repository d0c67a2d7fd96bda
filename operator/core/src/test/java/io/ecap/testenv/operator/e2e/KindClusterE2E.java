package io.ecap.testenv.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dajudge.kindcontainer.KindContainer;
import io.ecap.testenv.operator.OperatorFactory;
import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.sim.OperatorHarness;
import io.ecap.testenv.operator.sim.SharedFiles;
import io.ecap.testenv.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * One small run end to end on a real API server (kind in Docker): the real CRD with schema
 * defaulting and validation, real namespace lifecycle and garbage collection. The cluster has no
 * Strimzi operator and no ECAP images, so the run must fail, blaming the environment (Kafka not
 * ready) or the cluster (an image it cannot pull), and its teardown must remove the namespace. Skipped without Docker.
 */
class KindClusterE2E {

  @Test
  void smallRunIsProvisionedReportedAndTornDownOnKind() throws Exception {
    assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
        "KindClusterE2E needs a Docker engine for kind (kindcontainer); none is available here, so this test is skipped");
    try (KindContainer<?> kind = new KindContainer<>()) {
      kind.start();
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kind.getKubeconfig())).build()) {
        try (InputStream crd = IntegrationTestRun.class.getResourceAsStream("/META-INF/fabric8/" + IntegrationTestRun.CRD_FILE)) {
          client.resource(Serialization.unmarshal(crd, CustomResourceDefinition.class)).serverSideApply();
        }
        for (String file : new String[] {"040-Crd-kafka.yaml", "043-Crd-kafkatopic.yaml", "045-Crd-kafkanodepool.yaml"}) {
          try (InputStream in = Files.newInputStream(SharedFiles.strimziCrds("1.2.0").resolve(file))) {
            client.resource(Serialization.unmarshal(in, CustomResourceDefinition.class)).serverSideApply();
          }
        }
        client.resource(new NamespaceBuilder().withNewMetadata().withName(OperatorHarness.NAMESPACE).endMetadata().build()).serverSideApply();
        Operator operator = OperatorFactory.create(client, OperatorSettings.defaults(),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC());
        operator.start();
        try {
          client.resource(OperatorHarness.run("kind-small", spec -> spec.getTimeouts().setEnvironment("90s"))).create();
          Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> {
            IntegrationTestRun run = client.resources(IntegrationTestRun.class).inNamespace(OperatorHarness.NAMESPACE).withName("kind-small").get();
            return run.getStatus() != null && Conditions.isTrue(run.getStatus(), Conditions.TORN_DOWN);
          });
          IntegrationTestRun run = client.resources(IntegrationTestRun.class).inNamespace(OperatorHarness.NAMESPACE).withName("kind-small").get();
          assertThat(run.getStatus().getPhase()).isEqualTo(Phase.Failed);
          // without Strimzi Kafka never gets ready; without registry access postgres:16 cannot be pulled first
          assertThat(run.getStatus().getReason()).isIn("EnvironmentNotReady", "InfrastructureFailure");
          assertThat(run.getStatus().getMessage()).containsAnyOf("kafka:", "cannot be pulled");
          Awaitility.await().atMost(Duration.ofMinutes(3))
              .until(() -> client.namespaces().withName(run.getStatus().getNamespace()).get() == null);
        } finally {
          operator.stop();
        }
      }
    }
  }
}
