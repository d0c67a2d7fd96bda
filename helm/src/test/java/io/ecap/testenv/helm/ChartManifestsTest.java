package io.ecap.testenv.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered manifests, parsed and checked: labels, security, probes, CRD, dashboards. */
class ChartManifestsTest {

  private static final String CRD = "integrationtestruns.testing.ecap.io-v1.yml";
  private final List<ObjectNode> objects = Chart.render();

  @TempDir
  Path tmp;

  @Test
  void everyObjectCarriesTheStandardLabels() {
    assertThat(objects).isNotEmpty().allSatisfy(object -> {
      JsonNode labels = object.path("metadata").path("labels");
      assertThat(labels.path("app.kubernetes.io/name").asText()).as("%s", name(object)).isEqualTo("ecap-operator");
      assertThat(labels.path("app.kubernetes.io/instance").asText()).isEqualTo(Chart.RELEASE);
      assertThat(labels.path("app.kubernetes.io/version").asText()).isEqualTo("0.1.0");
      assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("Helm");
      assertThat(labels.path("app.kubernetes.io/part-of").asText()).isEqualTo("ecap-test-environments");
    });
  }

  @Test
  void operatorRunsLockedDown() {
    JsonNode pod = Chart.find(objects, "Deployment").orElseThrow().path("spec").path("template").path("spec");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
    JsonNode container = pod.path("containers").get(0);
    JsonNode security = container.path("securityContext");
    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("capabilities").path("drop")).extracting(JsonNode::asText).containsExactly("ALL");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
    assertThat(container.path("resources").path("limits").path("memory").asText()).isEqualTo("512Mi");
  }

  @Test
  void settingsReachTheOperatorAsEnvironment() {
    List<ObjectNode> rendered = Chart.render(Path.of("src/test/resources/values/good/monitoring.yaml"));
    JsonNode env = Chart.find(rendered, "Deployment").orElseThrow()
        .path("spec").path("template").path("spec").path("containers").get(0).path("env");
    assertThat(envValue(env, "ECAP_MAX_CONCURRENT_RUNS")).isEqualTo("10");
    assertThat(envValue(env, "ECAP_WATCH_NAMESPACES")).isEqualTo("ci,nightly");
    assertThat(envValue(env, "ECAP_PUSHGATEWAY_URL")).isEqualTo("http://prometheus-pushgateway.monitoring.svc:9091");
    assertThat(envValue(env, "ECAP_HTTP_PORT")).isEqualTo("9090");
    assertThat(envValue(env, "ECAP_LEADER_ELECTION_LEASE")).isEqualTo("ecap-ecap-operator-lock");
    assertThat(Chart.find(rendered, "ServiceMonitor")).isPresent();
  }

  @Test
  void dashboardsShipAsConfigMapsForTheGrafanaSidecar() {
    List<ObjectNode> dashboards = Chart.all(objects, "ConfigMap").stream()
        .filter(c -> c.path("metadata").path("labels").path("grafana_dashboard").asText().equals("1")).toList();
    assertThat(dashboards).hasSize(4).allSatisfy(c -> {
      assertThat(c.path("metadata").path("annotations").path("grafana_folder").asText()).isEqualTo("ECAP");
      assertThat(c.path("data").fieldNames().next()).endsWith(".json");
    });
  }

  @Test
  void twoReplicasWithoutLeaderElectionAreRefused() throws IOException {
    Path values = tmp.resolve("split-brain.yaml");
    Files.writeString(values, "replicaCount: 2\nleaderElection:\n  enabled: false\n");
    assertThatThrownBy(() -> Chart.render(values)).hasMessageContaining("leaderElection.enabled");
  }

  @Test
  void chartCarriesExactlyTheGeneratedCrd() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(Files.readString(Chart.DIR.resolve("crds").resolve(CRD)))
        .as("helm/ecap-operator/crds/%s differs from crds/: run `make crds`", CRD)
        .isEqualTo(Files.readString(root.resolve("crds").resolve(CRD)));
  }

  private static String envValue(JsonNode env, String name) {
    for (JsonNode variable : env) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText();
      }
    }
    throw new AssertionError("no env " + name);
  }

  private static String name(JsonNode object) {
    return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
  }

  static List<String> kinds(List<ObjectNode> objects) {
    List<String> kinds = new ArrayList<>();
    objects.forEach(o -> kinds.add(o.path("kind").asText()));
    return kinds;
  }
}
