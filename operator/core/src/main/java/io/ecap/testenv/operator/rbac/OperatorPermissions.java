package io.ecap.testenv.operator.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;

/**
 * Exactly the API access the operator's code uses: the Helm chart's ClusterRole must equal
 * {@link #clusterRules()} (a test in helm/ renders the chart and compares), and a test here checks
 * that every dependent and every Role the operator grants is covered. No wildcards.
 */
public final class OperatorPermissions {

  /** What a dependent does with its kind: it creates and deletes, never updates (see RunDependent). */
  public static final List<String> DEPENDENT_VERBS = List.of("get", "list", "watch", "create", "delete");
  /**
   * Pods, services, configmaps and PVCs: the full set the spark-driver Role grants (no escalate/bind needed). It
   * includes what the Service and lake-claim dependents use ({@link #DEPENDENT_VERBS}).
   */
  public static final List<String> GRANTED_VERBS =
      List.of("create", "get", "list", "watch", "update", "patch", "delete", "deletecollection");

  private OperatorPermissions() {
  }

  public static List<PolicyRule> clusterRules() {
    return List.of(
        rule("testing.ecap.io", List.of("integrationtestruns"), "get", "list", "watch", "update", "patch", "delete"),
        rule("testing.ecap.io", List.of("integrationtestruns/status"), "get", "update", "patch"),
        rule("", List.of("namespaces", "secrets", "serviceaccounts", "resourcequotas", "limitranges"),
            DEPENDENT_VERBS.toArray(String[]::new)),
        rule("", List.of("pods", "services", "configmaps", "persistentvolumeclaims"), GRANTED_VERBS.toArray(String[]::new)),
        rule("", List.of("pods/log"), "get"),
        rule("", List.of("events"), "create"),
        rule("events.k8s.io", List.of("events"), "list"),
        rule("apps", List.of("statefulsets", "deployments"), DEPENDENT_VERBS.toArray(String[]::new)),
        rule("batch", List.of("jobs"), DEPENDENT_VERBS.toArray(String[]::new)),
        rule("networking.k8s.io", List.of("networkpolicies"), DEPENDENT_VERBS.toArray(String[]::new)),
        rule("rbac.authorization.k8s.io", List.of("roles", "rolebindings"), DEPENDENT_VERBS.toArray(String[]::new)),
        rule("kafka.strimzi.io", List.of("kafkas", "kafkanodepools", "kafkatopics"), DEPENDENT_VERBS.toArray(String[]::new)));
  }

  /** Leader election: a Lease in the operator's own namespace (a namespaced Role in the chart). */
  public static List<PolicyRule> leaderElectionRules() {
    return List.of(rule("coordination.k8s.io", List.of("leases"), "get", "create", "update"));
  }

  /** Whether {@code rules} allow {@code verb} on {@code resource} of {@code group}. */
  public static boolean allows(List<PolicyRule> rules, String group, String resource, String verb) {
    return rules.stream().anyMatch(r -> r.getApiGroups().contains(group) && r.getResources().contains(resource)
        && r.getVerbs().contains(verb));
  }

  private static PolicyRule rule(String group, List<String> resources, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resources).withVerbs(verbs).build();
  }
}
