package io.ecap.testenv.operator.manifests;

import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;

/** The Roles the operator grants in a run namespace, for tests outside this package. */
public final class RbacManifestsProbe {

  private RbacManifestsProbe() {
  }

  public static List<Role> roles() {
    return RbacManifests.roles(Models.of("rbac-probe", spec -> { }));
  }
}
