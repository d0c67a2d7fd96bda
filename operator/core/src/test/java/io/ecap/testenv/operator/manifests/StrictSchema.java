package io.ecap.testenv.operator.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CRD version's openAPIV3Schema made strict: every object with properties (and no
 * x-kubernetes-preserve-unknown-fields) rejects unknown fields, as a real API server would prune them.
 */
final class StrictSchema {

  private static final List<String> KUBERNETES_KEYWORDS = List.of("x-kubernetes-validations",
      "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource",
      "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type");

  private final JsonSchema schema;

  private StrictSchema(JsonNode openApiV3Schema) {
    ObjectNode strict = openApiV3Schema.deepCopy();
    forbidUnknownFields(strict);
    ObjectNode top = (ObjectNode) strict.get("properties");
    top.putObject("apiVersion").put("type", "string");
    top.putObject("kind").put("type", "string");
    top.putObject("metadata").put("type", "object");
    JsonMetaSchema.Builder meta = JsonMetaSchema.builder(OpenApi30.getInstance());
    KUBERNETES_KEYWORDS.forEach(keyword -> meta.keyword(new NonValidationKeyword(keyword)));
    JsonMetaSchema metaSchema = meta.build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
        builder -> builder.metaSchema(metaSchema).defaultMetaSchemaIri(metaSchema.getIri()));
    schema = factory.getSchema(strict);
  }

  /** The schema of {@code version} in a CRD file, or an error when the CRD does not serve it. */
  static StrictSchema of(Path crdFile, String version) {
    try {
      JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(crdFile.toFile());
      for (JsonNode served : crd.path("spec").path("versions")) {
        if (version.equals(served.path("name").asText()) && served.path("served").asBoolean()) {
          return new StrictSchema(served.path("schema").path("openAPIV3Schema"));
        }
      }
      throw new IllegalArgumentException(crdFile + " does not serve " + version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Set<ValidationMessage> validate(JsonNode resource) {
    return schema.validate(resource);
  }

  private static void forbidUnknownFields(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    if (object.has("properties") && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
        && !object.has("additionalProperties")) {
      object.put("additionalProperties", false);
    }
    if (object.has("properties")) {
      Iterator<Map.Entry<String, JsonNode>> properties = object.get("properties").fields();
      while (properties.hasNext()) {
        forbidUnknownFields(properties.next().getValue());
      }
    }
    if (object.has("items")) {
      forbidUnknownFields(object.get("items"));
    }
    if (object.get("additionalProperties") instanceof ObjectNode valueSchema) {
      forbidUnknownFields(valueSchema);
    }
  }
}
