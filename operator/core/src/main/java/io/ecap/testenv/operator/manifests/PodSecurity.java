package io.ecap.testenv.operator.manifests;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/** The restricted Pod Security Standard every pod of a run meets: non-root, no escalation, no capabilities, seccomp RuntimeDefault. */
public final class PodSecurity {

  /** The uid the official postgres and redis images run their server as. */
  public static final long DATABASE_UID = 999L;
  /** Non-root uid of the test-runner image (and of images that do not name one). */
  public static final long APP_UID = 10001L;
  /**
   * The platform image's user: Apache Spark's image runs as spark (uid and gid 185), and spark-kubernetes starts the
   * driver and executor pods with it, without a security context the operator could set. The other pods of that
   * image (seeding, services, the submitter) run as the same uid, and their fsGroup gives the lake volume to group
   * 185, so every writer of the shared lake can write where the others have: a mix of uids would leave Spark unable
   * to write below a volume root the seed's fsGroup owns, and the services unable to refresh what Spark wrote. It is
   * also the uid the image's /etc/passwd names, which Hadoop's login in a service's local-mode Spark job looks up.
   */
  public static final long PLATFORM_UID = 185L;

  private PodSecurity() {
  }

  public static PodSecurityContext pod(long uid) {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(uid)
        .withRunAsGroup(uid)
        .withFsGroup(uid)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  /** Read-only root filesystem: every writable path is an emptyDir or a volume. */
  public static SecurityContext container() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withPrivileged(false)
        .withNewCapabilities().addToDrop("ALL").endCapabilities()
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  public static Volume scratch(String name) {
    return new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build();
  }

  public static VolumeMount mount(String name, String path) {
    return new VolumeMountBuilder().withName(name).withMountPath(path).build();
  }
}
