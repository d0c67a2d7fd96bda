package io.ecap.testenv.operator.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A CRD version's {@code openAPIV3Schema} compiled strictly: every object with properties (and no
 * {@code x-kubernetes-preserve-unknown-fields}) rejects unknown fields, which a real API server would
 * prune silently. Used for our own CRD and, in the operator's tests, for Strimzi's.
 */
public final class StrictCrdSchema {

  private static final List<String> KUBERNETES_KEYWORDS = List.of(
      "x-kubernetes-validations", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
      "x-kubernetes-embedded-resource", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
      "x-kubernetes-map-type");

  private StrictCrdSchema() {
  }

  /** The strict schema of a whole object: apiVersion, kind and metadata are allowed beside the CRD's own fields. */
  public static JsonSchema compile(JsonNode openApiV3Schema) {
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
    return factory.getSchema(strict);
  }

  private static void forbidUnknownFields(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) {
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
