package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunLabels;
import io.ecap.testenv.operator.model.RunModel;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/** The run's own namespace, labelled with the run's name, namespace and uid. */
public final class NamespaceManifest {

  private NamespaceManifest() {
  }

  public static Namespace build(RunModel model) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(model.namespace())
        .withLabels(model.labels(Component.NAMESPACE, model.namespace()))
        .addToLabels(RunLabels.RUN_NAMESPACE, model.runNamespace())
        .addToLabels(RunLabels.RUN_UID, model.runUid())
        // Spark creates driver and executor pods we cannot template fully: baseline is enforced, restricted reported.
        .addToLabels("pod-security.kubernetes.io/enforce", "baseline")
        .addToLabels("pod-security.kubernetes.io/warn", "restricted")
        .withAnnotations(model.annotations())
        .endMetadata()
        .build();
  }
}
