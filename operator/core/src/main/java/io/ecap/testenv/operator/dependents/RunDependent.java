package io.ecap.testenv.operator.dependents;

import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;

/**
 * Base of every dependent: created from a pure builder, never updated (the spec is immutable once
 * a run started), deleted explicitly by the workflow's cleanup (owner references cannot cross into
 * the run's namespace, and garbage collection is not ours to rely on). Implementing
 * {@code Deleter} without {@code GarbageCollected} is what makes JOSDK delete it on cleanup.
 */
public abstract class RunDependent<R extends HasMetadata> extends KubernetesDependentResource<R, IntegrationTestRun>
    implements Creator<R, IntegrationTestRun>, Deleter<IntegrationTestRun> {

  protected final RunModels models;
  private final String component;

  protected RunDependent(Class<R> type, String component, RunModels models) {
    super(type);
    this.component = component;
    this.models = models;
  }

  public String component() {
    return component;
  }

  @Override
  protected InformerEventSource<R, IntegrationTestRun> createEventSource(EventSourceContext<IntegrationTestRun> context) {
    InformerEventSource<R, IntegrationTestRun> source = RunInformers.forComponent(resourceType(), component, name(), context);
    setEventSource(source);
    return source;
  }

  /** An object that already exists (an earlier operator created it before a crash, or a racing replica) is adopted, not an error. */
  @Override
  public R create(R desired, IntegrationTestRun primary, Context<IntegrationTestRun> context) {
    try {
      return super.create(desired, primary, context);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        R existing = context.getClient().resource(desired).get();
        if (existing != null) {
          return existing;
        }
      }
      throw e;
    }
  }

  /** The builders already put the run's annotations on every object. */
  @Override
  protected void addReferenceHandlingMetadata(R desired, IntegrationTestRun primary) {
  }
}
