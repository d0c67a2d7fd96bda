package io.ecap.testenv.operator.manifests;

import io.ecap.testenv.operator.model.Component;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.naming.RunNames;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;

/**
 * Identities inside the run's namespace: the Spark driver (and its submitter) may manage pods,
 * services and configmaps there, as spark-kubernetes needs; the test runner may only write its
 * results ConfigMaps. Nothing outside the namespace.
 */
public final class RbacManifests {

  private RbacManifests() {
  }

  public static List<ServiceAccount> serviceAccounts(RunModel model) {
    return List.of(serviceAccount(model, RunNames.SPARK_SERVICE_ACCOUNT), serviceAccount(model, RunNames.RUNNER_SERVICE_ACCOUNT));
  }

  public static List<Role> roles(RunModel model) {
    List<String> manage = List.of("create", "get", "list", "watch", "update", "patch", "delete", "deletecollection");
    return List.of(
        role(model, RunNames.SPARK_SERVICE_ACCOUNT,
            new PolicyRuleBuilder().withApiGroups("").withResources("pods", "services", "configmaps").withVerbs(manage).build(),
            new PolicyRuleBuilder().withApiGroups("").withResources("persistentvolumeclaims").withVerbs("create", "get", "list", "watch", "delete").build()),
        role(model, RunNames.RUNNER_SERVICE_ACCOUNT,
            new PolicyRuleBuilder().withApiGroups("").withResources("configmaps").withVerbs("create", "get", "update").build()));
  }

  public static List<RoleBinding> roleBindings(RunModel model) {
    return List.of(binding(model, RunNames.SPARK_SERVICE_ACCOUNT), binding(model, RunNames.RUNNER_SERVICE_ACCOUNT));
  }

  private static ServiceAccount serviceAccount(RunModel model, String name) {
    return new ServiceAccountBuilder()
        .withMetadata(model.metadata(Component.RBAC, name))
        .withAutomountServiceAccountToken(true)
        .build();
  }

  private static Role role(RunModel model, String name, PolicyRule... rules) {
    return new RoleBuilder().withMetadata(model.metadata(Component.RBAC, name)).withRules(rules).build();
  }

  private static RoleBinding binding(RunModel model, String name) {
    return new RoleBindingBuilder()
        .withMetadata(model.metadata(Component.RBAC, RunNames.sparkRoleBinding(name)))
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(model.namespace()).endSubject()
        .build();
  }
}
