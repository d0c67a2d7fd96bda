package io.ecap.testenv.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecap.testenv.operator.rbac.OperatorPermissions;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The chart grants exactly what the operator's code uses: no more, no less, no wildcards. */
class ChartRbacTest {

  private final List<ObjectNode> objects = Chart.render();

  @Test
  void clusterRoleEqualsWhatTheOperatorUses() {
    JsonNode rules = Chart.find(objects, "ClusterRole").orElseThrow().path("rules");
    assertThat(normalise(rules)).isEqualTo(normalise(OperatorPermissions.clusterRules()));
  }

  @Test
  void leaderElectionRoleIsNamespacedAndMinimal() {
    JsonNode role = Chart.find(objects, "Role").orElseThrow();
    assertThat(role.path("metadata").path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(normalise(role.path("rules"))).isEqualTo(normalise(OperatorPermissions.leaderElectionRules()));
  }

  @Test
  void bindingsPointAtTheOperatorsServiceAccount() {
    String account = Chart.find(objects, "ServiceAccount").orElseThrow().path("metadata").path("name").asText();
    for (String kind : List.of("ClusterRoleBinding", "RoleBinding")) {
      JsonNode subject = Chart.find(objects, kind).orElseThrow().path("subjects").get(0);
      assertThat(subject.path("name").asText()).as(kind).isEqualTo(account);
      assertThat(subject.path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
    }
    String deploymentAccount = Chart.find(objects, "Deployment").orElseThrow()
        .path("spec").path("template").path("spec").path("serviceAccountName").asText();
    assertThat(deploymentAccount).isEqualTo(account);
  }

  /** group/resource → verbs, so rule grouping does not matter. */
  private static Map<String, Set<String>> normalise(JsonNode rules) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (JsonNode rule : rules) {
      for (JsonNode group : rule.path("apiGroups")) {
        for (JsonNode resource : rule.path("resources")) {
          Set<String> verbs = out.computeIfAbsent(group.asText() + "/" + resource.asText(), k -> new TreeSet<>());
          rule.path("verbs").forEach(v -> verbs.add(v.asText()));
        }
      }
    }
    return out;
  }

  private static Map<String, Set<String>> normalise(List<PolicyRule> rules) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          out.computeIfAbsent(group + "/" + resource, k -> new TreeSet<>()).addAll(rule.getVerbs());
        }
      }
    }
    return out;
  }
}
