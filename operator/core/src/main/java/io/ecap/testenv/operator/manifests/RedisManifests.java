package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Map;

/** Redis: a one-replica StatefulSet (password from the Secret, data on an emptyDir: a test cache needs no persistence) and a Service. */
public final class RedisManifests {

  private RedisManifests() {
  }

  public static StatefulSet statefulSet(RunModel model) {
    Map<String, String> selector = Map.of("app.kubernetes.io/name", RunNames.REDIS, "app.kubernetes.io/component", Component.REDIS);
    return new StatefulSetBuilder()
        .withMetadata(model.metadata(Component.REDIS, RunNames.REDIS))
        .withNewSpec()
        .withReplicas(1)
        .withServiceName(RunNames.REDIS)
        .withNewSelector().withMatchLabels(selector).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(model.labels(Component.REDIS, RunNames.REDIS)).withAnnotations(model.annotations()).endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(PodSecurity.pod(PodSecurity.DATABASE_UID))
        .addNewContainer()
        .withName("redis")
        .withImage(model.spec().getRedis().getImage())
        .withCommand("redis-server")
        .withArgs("--requirepass", "$(REDIS_PASSWORD)", "--dir", "/data", "--appendonly", "no")
        .addNewPort().withName("redis").withContainerPort(EndpointEnv.REDIS_PORT).endPort()
        .addToEnv(EndpointEnv.secret("REDIS_PASSWORD", CredentialsManifest.REDIS_PASSWORD))
        .withNewReadinessProbe()
        .withNewExec().withCommand("sh", "-c", "redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG").endExec()
        .withPeriodSeconds(5).withTimeoutSeconds(3).withFailureThreshold(3)
        .endReadinessProbe()
        .withResources(model.sizing().resources("redis", model.spec().getResources().getRedis()))
        .withSecurityContext(PodSecurity.container())
        .addToVolumeMounts(PodSecurity.mount("data", "/data"))
        .endContainer()
        .addToVolumes(PodSecurity.scratch("data"))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  public static Service service(RunModel model) {
    return new ServiceBuilder()
        .withMetadata(model.metadata(Component.SERVICE, RunNames.REDIS))
        .withNewSpec()
        .withSelector(Map.of("app.kubernetes.io/name", RunNames.REDIS, "app.kubernetes.io/component", Component.REDIS))
        .addNewPort().withName("redis").withPort(EndpointEnv.REDIS_PORT).withTargetPort(new IntOrString(EndpointEnv.REDIS_PORT)).endPort()
        .endSpec()
        .build();
  }
}
