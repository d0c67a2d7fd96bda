package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.api.spec.PlatformServiceSpec;
import io.ecap.testenv.operator.api.spec.SparkJobSpec;
import io.ecap.testenv.operator.model.RunModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** Every object the operator creates for a run, in creation order: what `render` prints and the dependents build. */
public final class ManifestPlan {

  private ManifestPlan() {
  }

  public static List<HasMetadata> all(RunModel model, Credentials credentials) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(NamespaceManifest.build(model));
    objects.add(CredentialsManifest.build(model, credentials));
    objects.add(NetworkPolicyManifest.build(model));
    objects.add(QuotaManifests.resourceQuota(model));
    objects.add(QuotaManifests.limitRange(model));
    objects.addAll(RbacManifests.serviceAccounts(model));
    objects.addAll(RbacManifests.roles(model));
    objects.addAll(RbacManifests.roleBindings(model));
    objects.add(PostgresManifests.service(model));
    objects.add(PostgresManifests.statefulSet(model));
    objects.add(RedisManifests.service(model));
    objects.add(RedisManifests.statefulSet(model));
    objects.add(KafkaManifests.nodePool(model));
    objects.add(KafkaManifests.kafka(model));
    objects.addAll(KafkaManifests.topics(model));
    objects.add(LakeManifests.claim(model));
    for (PlatformServiceSpec service : model.spec().getPlatform().getServices()) {
      objects.add(PlatformManifests.service(model, service));
      objects.add(PlatformManifests.deployment(model, service));
    }
    objects.add(SeedJobManifest.build(model));
    for (SparkJobSpec job : model.spec().getSpark().getJobs()) {
      objects.add(SparkSubmitManifest.build(model, job));
    }
    objects.add(TestRunnerJobManifest.build(model));
    return objects;
  }
}
