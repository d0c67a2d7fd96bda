package io.ecap.testenv.operator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.api.status.ComponentState;
import io.ecap.testenv.operator.api.status.Phase;
import io.ecap.testenv.operator.sim.OperatorHarness;
import io.ecap.testenv.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HappyPathTest {

  private final OperatorHarness harness = new OperatorHarness().startOperator();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void runGoesFromCreationToSucceededWithAggregatedResultsAndTearsDown() {
    harness.create(OperatorHarness.run("nightly", spec -> { }));

    IntegrationTestRun run = harness.awaitPhase("nightly", Phase.Succeeded);
    assertThat(run.getStatus().getReason()).isEqualTo("QualityGatesPassed");
    assertThat(run.getStatus().getResults().getTotal()).isEqualTo(20);
    assertThat(run.getStatus().getResults().getShardsReported()).isEqualTo(2);
    assertThat(run.getStatus().getResults().getSuites()).extracting("name").containsExactly("api", "streaming");
    assertThat(run.getStatus().getPerformance().getApiP95Millis()).isEqualTo(40.0);
    assertThat(run.getStatus().getComponents()).allSatisfy(c -> {
      assertThat(c.getState()).isEqualTo(ComponentState.Ready);
      assertThat(c.getReadySeconds()).isNotNull();
    });
    assertThat(run.getStatus().getComponents()).extracting("name")
        .contains("postgres", "redis", "kafka", "kafka-topics", "service/api", "seed", "spark/rfm");
    assertThat(run.getStatus().getSparkJobs()).singleElement().satisfies(j -> assertThat(j.getState()).isEqualTo("Succeeded"));
    assertThat(Conditions.isTrue(run.getStatus(), Conditions.ENVIRONMENT_READY)).isTrue();
    assertThat(Conditions.isTrue(run.getStatus(), Conditions.TESTS_COMPLETED)).isTrue();
    assertThat(Conditions.isTrue(run.getStatus(), Conditions.QUALITY_GATES_PASSED)).isTrue();
    assertThat(run.getStatus().getFootprint().getCpuCoreSeconds()).isPositive();
    assertThat(run.getStatus().getDuration()).matches("([0-9]+m)?[0-9]+s");
    String namespace = run.getStatus().getNamespace();
    assertThat(namespace).startsWith("itr-nightly-");

    run = harness.await("nightly", r -> Conditions.isTrue(r.getStatus(), Conditions.TORN_DOWN), Duration.ofSeconds(20));
    assertThat(harness.client().namespaces().withName(namespace).get()).isNull();
    Leftovers.assertNone(harness.client(), namespace);
    ConfigMap diagnostics = harness.client().configMaps().inNamespace(OperatorHarness.NAMESPACE)
        .withName(run.getStatus().getDiagnosticsConfigMap()).get();
    assertThat(diagnostics.getData()).containsKeys("run.txt", "warning-events.txt");
    assertThat(diagnostics.getData().keySet()).anyMatch(k -> k.startsWith("postgres-0.postgres"));

    String metrics = harness.scrape();
    assertThat(metrics).contains("ecap_environment_component_ready_seconds_count{component=\"postgres\"}");
    assertThat(metrics).contains("ecap_operator_runs{phase=\"Succeeded\"} 1.0");
    assertThat(metrics).contains("ecap_operator_phase_duration_seconds_count{phase=\"Testing\"}");
    assertThat(metrics).contains("ecap_operator_queue_length");
  }
}
