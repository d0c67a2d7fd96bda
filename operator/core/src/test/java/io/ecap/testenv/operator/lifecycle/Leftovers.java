package io.ecap.testenv.operator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.manifests.strimzi.KafkaNodePoolV1;
import io.ecap.testenv.operator.manifests.strimzi.KafkaTopicV1;
import io.ecap.testenv.operator.manifests.strimzi.KafkaV1;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** The mock server keeps a deleted namespace's contents: so a leak is visible, and this checks there is none. */
final class Leftovers {

  static final List<Class<? extends HasMetadata>> KINDS = List.of(Secret.class, NetworkPolicy.class, ResourceQuota.class,
      LimitRange.class, ServiceAccount.class, Role.class, RoleBinding.class, Service.class, StatefulSet.class, Deployment.class,
      Job.class, Pod.class, ConfigMap.class, PersistentVolumeClaim.class, KafkaV1.class, KafkaNodePoolV1.class, KafkaTopicV1.class);

  private Leftovers() {
  }

  static void assertNone(KubernetesClient client, String namespace) {
    for (Class<? extends HasMetadata> kind : KINDS) {
      assertThat(client.resources(kind).inNamespace(namespace).list().getItems())
          .as(kind.getSimpleName() + " left in " + namespace).isEmpty();
    }
  }

  static int count(KubernetesClient client, String namespace, Class<? extends HasMetadata> kind) {
    return client.resources(kind).inNamespace(namespace).list().getItems().size();
  }
}
