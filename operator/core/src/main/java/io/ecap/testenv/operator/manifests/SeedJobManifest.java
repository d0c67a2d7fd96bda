package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;

/**
 * Seeds the profile's dataset once the services are ready: the platform image runs its migrations
 * ({@code --migrate}, an init container) and then {@code --seed --profile <profile> --lake-path /lake}, which loads
 * PostgreSQL and writes the same dataset (one generator run, same profile and seed) as the lake's landing files.
 */
public final class SeedJobManifest {

  private SeedJobManifest() {
  }

  public static Job build(RunModel model) {
    String profile = model.spec().getProfile().name().toLowerCase();
    return new JobBuilder()
        .withMetadata(model.metadata(Component.SEED, RunNames.SEED_JOB))
        .withNewSpec()
        .withBackoffLimit(1)
        .withNewTemplate()
        .withNewMetadata().withLabels(model.labels(Component.SEED, RunNames.SEED_JOB)).withAnnotations(model.annotations()).endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(PodSecurity.pod(PodSecurity.PLATFORM_UID))
        .withInitContainers(step(model, "migrate", List.of("--migrate")).build())
        .withContainers(step(model, "seed", List.of("--seed", "--profile", profile, "--lake-path", LakeManifests.MOUNT_PATH))
            .addToEnv(LakeManifests.env())
            .addToVolumeMounts(LakeManifests.mount(false))
            .build())
        .addToVolumes(PodSecurity.scratch("tmp"), LakeManifests.volume(false))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static ContainerBuilder step(RunModel model, String name, List<String> args) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(model.platformImage())
        .withArgs(args)
        .withEnv(EndpointEnv.infrastructure(model))
        .withResources(model.sizing().resources("tooling", null))
        .withSecurityContext(PodSecurity.container())
        .addToVolumeMounts(PodSecurity.mount("tmp", "/tmp"));
  }
}
