package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.api.spec.EnvVarSpec;
import io.ecap.testenv.operator.api.spec.PlatformServiceSpec;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Deployment and one Service per platform service of the spec, from the platform image ({@code java -jar /app/platform.jar}). */
public final class PlatformManifests {

  private PlatformManifests() {
  }

  public static Deployment deployment(RunModel model, PlatformServiceSpec service) {
    String name = RunNames.platformService(service.getName());
    List<EnvVar> env = new ArrayList<>(EndpointEnv.infrastructure(model));
    env.add(EndpointEnv.plain("ECAP_HTTP_PORT", String.valueOf(service.getPort())));
    // An ephemeral test environment: the suites cut dependencies (circuit-breaker tests) and read
    // logs by trace id through the platform's /admin hooks, which are off by default.
    env.add(EndpointEnv.plain("ECAP_FAULT_INJECTION", "true"));
    env.add(EndpointEnv.plain("ECAP_LOG_ACCESS", "true"));
    // The API serves what the Spark jobs wrote and runs on-demand jobs (Spark local mode) against the same lake.
    env.add(LakeManifests.env());
    if (service.getEnv() != null) {
      for (EnvVarSpec extra : service.getEnv()) {
        env.add(EndpointEnv.plain(extra.getName(), extra.getValue() == null ? "" : extra.getValue()));
      }
    }
    return new DeploymentBuilder()
        .withMetadata(model.metadata(Component.PLATFORM_SERVICE, name))
        .withNewSpec()
        .withReplicas(service.getReplicas())
        .withNewSelector().withMatchLabels(selector(name)).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(model.labels(Component.PLATFORM_SERVICE, name)).withAnnotations(model.annotations()).endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(PodSecurity.pod(PodSecurity.PLATFORM_UID))
        .addNewContainer()
        .withName(name)
        .withImage(model.serviceImage(service))
        .withArgs(service.getArgs() == null ? List.of() : service.getArgs())
        .addNewPort().withName("http").withContainerPort(service.getPort()).endPort()
        .withEnv(env)
        .withNewReadinessProbe()
        .withNewHttpGet().withPath(service.getReadinessPath()).withPort(new IntOrString(service.getPort())).endHttpGet()
        .withInitialDelaySeconds(5).withPeriodSeconds(5).withTimeoutSeconds(3).withFailureThreshold(3)
        .endReadinessProbe()
        .withResources(model.sizing().resources("services", model.spec().getResources().getServices()))
        .withSecurityContext(PodSecurity.container())
        .addToVolumeMounts(PodSecurity.mount("tmp", "/tmp"), LakeManifests.mount(false))
        .endContainer()
        .addToVolumes(PodSecurity.scratch("tmp"), LakeManifests.volume(false))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  public static Service service(RunModel model, PlatformServiceSpec service) {
    String name = RunNames.platformService(service.getName());
    return new ServiceBuilder()
        .withMetadata(model.metadata(Component.SERVICE, name))
        .withNewSpec()
        .withSelector(selector(name))
        .addNewPort().withName("http").withPort(service.getPort()).withTargetPort(new IntOrString(service.getPort())).endPort()
        .endSpec()
        .build();
  }

  /** URL of a platform service inside the run's namespace. */
  public static String url(PlatformServiceSpec service) {
    return "http://" + RunNames.platformService(service.getName()) + ":" + service.getPort();
  }

  private static Map<String, String> selector(String name) {
    return Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/component", Component.PLATFORM_SERVICE);
  }
}
