package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.api.spec.LakeSpec;
import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * The run's data lake: one PersistentVolumeClaim that every pod of the run which touches the lake mounts at
 * {@value #MOUNT_PATH}, with {@code ECAP_LAKE_PATH} pointing there. The seeding Job writes the landing files,
 * the Spark driver and executors the Delta tables and models, the platform services read and refresh them, and
 * the test runner only reads. The claim lives in the run's namespace and goes with it.
 */
public final class LakeManifests {

  public static final String MOUNT_PATH = "/lake";
  public static final String LAKE_PATH_VARIABLE = "ECAP_LAKE_PATH";

  private LakeManifests() {
  }

  public static PersistentVolumeClaim claim(RunModel model) {
    LakeSpec lake = model.spec().getLake();
    return new PersistentVolumeClaimBuilder()
        .withMetadata(model.metadata(Component.LAKE, RunNames.LAKE_CLAIM))
        .withNewSpec()
        .withAccessModes(lake.getAccessMode().name())
        .withStorageClassName(lake.getStorageClassName())
        .withNewResources().addToRequests("storage", new Quantity(lake.getStorage())).endResources()
        .endSpec()
        .build();
  }

  /** The claim as a pod volume; read-only for pods that must not change the lake. */
  public static Volume volume(boolean readOnly) {
    return new VolumeBuilder().withName(RunNames.LAKE_CLAIM)
        .withNewPersistentVolumeClaim().withClaimName(RunNames.LAKE_CLAIM).withReadOnly(readOnly).endPersistentVolumeClaim()
        .build();
  }

  public static VolumeMount mount(boolean readOnly) {
    return new VolumeMountBuilder().withName(RunNames.LAKE_CLAIM).withMountPath(MOUNT_PATH).withReadOnly(readOnly).build();
  }

  public static EnvVar env() {
    return EndpointEnv.plain(LAKE_PATH_VARIABLE, MOUNT_PATH);
  }
}
