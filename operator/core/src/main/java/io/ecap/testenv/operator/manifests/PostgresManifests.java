package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Map;

/** PostgreSQL: a one-replica StatefulSet with a data volume and a headless Service. The schema comes from the platform's migrations (seeding job). */
public final class PostgresManifests {

  private PostgresManifests() {
  }

  public static StatefulSet statefulSet(RunModel model) {
    Map<String, String> selector = Map.of("app.kubernetes.io/name", RunNames.POSTGRES, "app.kubernetes.io/component", Component.POSTGRES);
    return new StatefulSetBuilder()
        .withMetadata(model.metadata(Component.POSTGRES, RunNames.POSTGRES))
        .withNewSpec()
        .withReplicas(1)
        .withServiceName(RunNames.POSTGRES)
        .withNewSelector().withMatchLabels(selector).endSelector()
        .withNewPersistentVolumeClaimRetentionPolicy().withWhenDeleted("Delete").withWhenScaled("Delete").endPersistentVolumeClaimRetentionPolicy()
        .withNewTemplate()
        .withNewMetadata().withLabels(model.labels(Component.POSTGRES, RunNames.POSTGRES)).withAnnotations(model.annotations()).endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(PodSecurity.pod(PodSecurity.DATABASE_UID))
        .addNewContainer()
        .withName("postgres")
        .withImage(model.spec().getPostgres().getImage())
        .addNewPort().withName("postgres").withContainerPort(EndpointEnv.POSTGRES_PORT).endPort()
        .addToEnv(EndpointEnv.secret("POSTGRES_USER", CredentialsManifest.POSTGRES_USER))
        .addToEnv(EndpointEnv.secret("POSTGRES_PASSWORD", CredentialsManifest.POSTGRES_PASSWORD))
        .addToEnv(EndpointEnv.plain("POSTGRES_DB", model.spec().getPostgres().getDatabase()))
        .addToEnv(EndpointEnv.plain("PGDATA", "/var/lib/postgresql/data/pgdata"))
        .withNewReadinessProbe()
        .withNewExec().withCommand("sh", "-c", "pg_isready -h 127.0.0.1 -U \"$POSTGRES_USER\" -d \"$POSTGRES_DB\"").endExec()
        .withPeriodSeconds(5).withTimeoutSeconds(3).withFailureThreshold(3)
        .endReadinessProbe()
        .withResources(model.sizing().resources("postgres", model.spec().getResources().getPostgres()))
        .withSecurityContext(PodSecurity.container())
        .addToVolumeMounts(PodSecurity.mount("data", "/var/lib/postgresql/data"))
        .addToVolumeMounts(PodSecurity.mount("run", "/var/run/postgresql"))
        .addToVolumeMounts(PodSecurity.mount("tmp", "/tmp"))
        .endContainer()
        .addToVolumes(PodSecurity.scratch("run"), PodSecurity.scratch("tmp"))
        .endSpec()
        .endTemplate()
        .addNewVolumeClaimTemplate()
        .withNewMetadata().withName("data").withLabels(model.labels(Component.POSTGRES, "data")).endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity(model.spec().getPostgres().getStorage())).endResources()
        .endSpec()
        .endVolumeClaimTemplate()
        .endSpec()
        .build();
  }

  /** Headless: the StatefulSet's stable network identity. */
  public static Service service(RunModel model) {
    return new ServiceBuilder()
        .withMetadata(model.metadata(Component.SERVICE, RunNames.POSTGRES))
        .withNewSpec()
        .withClusterIP("None")
        .withSelector(Map.of("app.kubernetes.io/name", RunNames.POSTGRES, "app.kubernetes.io/component", Component.POSTGRES))
        .addNewPort().withName("postgres").withPort(EndpointEnv.POSTGRES_PORT).withTargetPort(new IntOrString(EndpointEnv.POSTGRES_PORT)).endPort()
        .endSpec()
        .build();
  }
}
