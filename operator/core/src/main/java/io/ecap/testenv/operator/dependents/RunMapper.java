package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.model.RunLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Map;
import java.util.Set;

/**
 * Maps an object of a run's environment back to its IntegrationTestRun through the run-name and
 * run-namespace annotations (owner references cannot cross namespaces, and a run name may exceed a
 * label value's 63 characters). Pods inherit the annotations from their templates, Spark's from --conf.
 */
public final class RunMapper<R extends HasMetadata> implements SecondaryToPrimaryMapper<R> {

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(R resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    if (annotations == null) {
      return Set.of();
    }
    String name = annotations.get(RunLabels.RUN_NAME_ANNOTATION);
    String namespace = annotations.get(RunLabels.RUN_NAMESPACE_ANNOTATION);
    if (name == null || namespace == null) {
      return Set.of();
    }
    return Set.of(new ResourceID(name, namespace));
  }
}
