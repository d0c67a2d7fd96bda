package io.ecap.testenv.operator.reconciler;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kubernetes Events on a run, so `kubectl describe itr` shows what happened. An event that cannot be written is logged, never fatal. */
public final class RunEvents {

  private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

  private final KubernetesClient client;

  public RunEvents(KubernetesClient client) {
    this.client = client;
  }

  public void warning(IntegrationTestRun run, String reason, String message) {
    emit(run, "Warning", reason, message);
  }

  public void normal(IntegrationTestRun run, String reason, String message) {
    emit(run, "Normal", reason, message);
  }

  private void emit(IntegrationTestRun run, String type, String reason, String message) {
    String name = run.getMetadata().getName();
    String prefix = name.length() > 200 ? name.substring(0, 200) : name;
    String now = Instant.now().toString();
    try {
      client.v1().events().inNamespace(run.getMetadata().getNamespace()).resource(new EventBuilder()
          .withNewMetadata().withName(prefix + "." + UUID.randomUUID().toString().substring(0, 13).replace("-", "")).endMetadata()
          .withNewInvolvedObject()
          .withApiVersion(IntegrationTestRun.API_VERSION).withKind(IntegrationTestRun.KIND)
          .withName(name).withNamespace(run.getMetadata().getNamespace()).withUid(run.getMetadata().getUid())
          .endInvolvedObject()
          .withType(type).withReason(reason).withMessage(message.length() > 1000 ? message.substring(0, 1000) : message)
          .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
          .withNewSource().withComponent("ecap-operator").endSource()
          .build()).create();
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} on {}: {}", reason, name, e.getMessage());
    }
  }
}
