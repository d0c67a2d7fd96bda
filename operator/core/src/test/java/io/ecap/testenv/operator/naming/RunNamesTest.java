package io.ecap.testenv.operator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunNamesTest {

  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  @Test
  void shortNameKeepsItsName() {
    RunNames names = new RunNames("nightly", "0f2a4c1e-aaaa-bbbb-cccc-000000000001");
    assertThat(names.namespace()).matches("itr-nightly-[0-9a-f]{6}");
    assertThat(names.runLabel()).isEqualTo("nightly");
    assertThat(names.diagnosticsConfigMap()).isEqualTo("nightly-diagnostics");
  }

  @Test
  void a200CharacterNameStillYieldsValidUniqueNames() {
    String name = "a".repeat(60) + ".b-" + "c".repeat(60) + "." + "d".repeat(76);
    assertThat(name).hasSize(200);
    Set<String> namespaces = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      RunNames names = new RunNames(name, UUID.randomUUID().toString());
      assertThat(names.namespace()).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL).startsWith("itr-");
      assertThat(names.runLabel()).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
      assertThat(names.diagnosticsConfigMap()).hasSizeLessThanOrEqualTo(253);
      namespaces.add(names.namespace());
    }
    assertThat(namespaces).hasSize(50);
  }

  @Test
  void longNamesDifferingOnlyAtTheEndGetDifferentLabels() {
    String base = "x".repeat(100);
    assertThat(new RunNames(base + "1", "u").runLabel()).isNotEqualTo(new RunNames(base + "2", "u").runLabel());
  }

  @Test
  void dottedNamesBecomeLabels() {
    assertThat(new RunNames("team.nightly", "u1").namespace()).matches("itr-team-nightly-[0-9a-f]{6}");
  }

  @Test
  void topicNamesThatAreNotObjectNamesAreMadeValid() {
    assertThat(RunNames.kafkaTopic("orders")).isEqualTo("orders");
    assertThat(RunNames.kafkaTopic("Orders_V2")).matches(DNS_LABEL).startsWith("orders-v2-");
  }
}
