package io.ecap.testenv.operator.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.validation.RunValidator;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.dependents.EnvironmentWorkflow;
import io.ecap.testenv.operator.dependents.RunDependent;
import io.ecap.testenv.operator.model.RunModels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's permissions cover what its code touches, and hold no wildcard. */
class OperatorPermissionsTest {

  private final List<PolicyRule> rules = OperatorPermissions.clusterRules();

  @Test
  void everyDependentKindMayBeCreatedWatchedAndDeleted() {
    List<RunDependent<?>> dependents =
        new EnvironmentWorkflow(new RunModels(RunValidator.forGeneratedCrd(), OperatorSettings.defaults())).dependents();
    assertThat(dependents).hasSizeGreaterThan(10);
    assertThat(dependents).as("the lake's claim").anyMatch(d -> d.resourceType() == PersistentVolumeClaim.class);
    for (RunDependent<?> dependent : dependents) {
      Class<? extends HasMetadata> type = dependent.resourceType();
      String group = HasMetadata.getGroup(type) == null ? "" : HasMetadata.getGroup(type);
      String plural = HasMetadata.getPlural(type);
      for (String verb : OperatorPermissions.DEPENDENT_VERBS) {
        assertThat(OperatorPermissions.allows(rules, group, plural, verb))
            .as("%s needs %s on %s/%s", dependent.getClass().getSimpleName(), verb, group, plural).isTrue();
      }
    }
  }

  @Test
  void theOperatorHoldsEveryPermissionItGrantsInARunNamespace() {
    // RBAC forbids granting what one does not hold (without the escalate verb, which we do not ask for).
    List<Role> roles = io.ecap.testenv.operator.manifests.RbacManifestsProbe.roles();
    assertThat(roles).isNotEmpty();
    for (Role role : roles) {
      for (PolicyRule granted : role.getRules()) {
        for (String group : granted.getApiGroups()) {
          for (String resource : granted.getResources()) {
            for (String verb : granted.getVerbs()) {
              assertThat(OperatorPermissions.allows(rules, group, resource, verb))
                  .as("Role %s grants %s on %s/%s", role.getMetadata().getName(), verb, group, resource).isTrue();
            }
          }
        }
      }
    }
  }

  @Test
  void noWildcards() {
    for (PolicyRule rule : rules) {
      assertThat(rule.getApiGroups()).doesNotContain("*");
      assertThat(rule.getResources()).doesNotContain("*");
      assertThat(rule.getVerbs()).doesNotContain("*");
    }
    assertThat(OperatorPermissions.allows(rules, "", "secrets", "update")).isFalse();
  }

  @Test
  void theCallsOutsideTheWorkflowAreCovered() {
    assertThat(OperatorPermissions.allows(rules, "", "pods/log", "get")).isTrue(); // diagnostics
    assertThat(OperatorPermissions.allows(rules, "", "configmaps", "list")).isTrue(); // shard summaries
    assertThat(OperatorPermissions.allows(rules, "", "configmaps", "create")).isTrue(); // diagnostics ConfigMap
    assertThat(OperatorPermissions.allows(rules, "", "events", "create")).isTrue();
    assertThat(OperatorPermissions.allows(rules, "testing.ecap.io", "integrationtestruns/status", "patch")).isTrue();
    assertThat(OperatorPermissions.allows(OperatorPermissions.leaderElectionRules(), "coordination.k8s.io", "leases",
        "update")).isTrue();
  }
}
