package io.ecap.testenv.operator.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testenv.operator.api.spec.KafkaTopicSpec;
import io.ecap.testenv.operator.model.RunModel;
import io.ecap.testenv.operator.sim.SharedFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Strimzi resource the operator builds passes the real CRD schemas of both releases, strictly. */
class StrimziSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> resources() {
    RunModel small = Models.of("kafka-small", spec -> { });
    RunModel big = Models.of("kafka-big", spec -> {
      spec.getKafka().setReplicas(3);
      spec.getKafka().setTopics(List.of(new KafkaTopicSpec("Orders_V2", 12, 3), new KafkaTopicSpec("dead-letter", 1, 3)));
    });
    return Stream.of("0.49.0", "1.2.0").flatMap(release -> Stream.of(small, big).flatMap(model -> Stream.<Arguments>of(
        Arguments.of(release, "045-Crd-kafkanodepool.yaml", KafkaManifests.nodePool(model)),
        Arguments.of(release, "040-Crd-kafka.yaml", KafkaManifests.kafka(model)),
        Arguments.of(release, "043-Crd-kafkatopic.yaml", KafkaManifests.topics(model).get(0)),
        Arguments.of(release, "043-Crd-kafkatopic.yaml", KafkaManifests.topics(model).get(1)))));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("resources")
  void validAgainstTheStrimziCrdStrictly(String release, String crdFile, HasMetadata resource) throws Exception {
    JsonNode json = JSON.readTree(Serialization.asJson(resource));
    assertThat(json.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1");
    StrictSchema schema = StrictSchema.of(SharedFiles.strimziCrds(release).resolve(crdFile), "v1");
    assertThat(schema.validate(json)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void aFieldV1DoesNotKnowIsRejected(String release) throws Exception {
    RunModel model = Models.of("kafka-small", spec -> { });
    JsonNode json = JSON.readTree(Serialization.asJson(KafkaManifests.kafka(model)));
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("spec").path("kafka")).put("replicas", 3);
    StrictSchema schema = StrictSchema.of(SharedFiles.strimziCrds(release).resolve("040-Crd-kafka.yaml"), "v1");
    assertThat(schema.validate(json)).isNotEmpty();
  }

  static Stream<String> releases() {
    return Stream.of("0.49.0", "1.2.0");
  }
}
