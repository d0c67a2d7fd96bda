package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.model.RunLabels;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A dependent with several objects of one kind per run (topics, services, Spark submitters...). */
public abstract class BulkRunDependent<R extends HasMetadata> extends RunDependent<R>
    implements BulkDependentResource<R, IntegrationTestRun, ResourceID> {

  protected BulkRunDependent(Class<R> type, String component, RunModels models) {
    super(type, component, models);
  }

  protected abstract List<R> buildAll(RunModel model, IntegrationTestRun run, Context<IntegrationTestRun> context);

  @Override
  public Map<ResourceID, R> desiredResources(IntegrationTestRun run, Context<IntegrationTestRun> context) {
    Map<ResourceID, R> desired = new LinkedHashMap<>();
    for (R object : buildAll(models.of(run), run, context)) {
      desired.put(ResourceID.fromResource(object), object);
    }
    return desired;
  }

  @Override
  public Map<ResourceID, R> getSecondaryResources(IntegrationTestRun run, Context<IntegrationTestRun> context) {
    return context.getSecondaryResourcesAsStream(resourceType())
        .filter(r -> component().equals(r.getMetadata().getLabels() == null ? null : r.getMetadata().getLabels().get(RunLabels.COMPONENT)))
        .collect(Collectors.toMap(ResourceID::fromResource, r -> r, (a, b) -> a));
  }
}
