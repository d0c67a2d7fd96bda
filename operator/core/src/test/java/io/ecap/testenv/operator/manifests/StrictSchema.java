package io.ecap.testenv.operator.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.ecap.testenv.operator.api.validation.StrictCrdSchema;
import java.nio.file.Path;
import java.util.Set;

/**
 * A CRD version's openAPIV3Schema made strict: every object with properties (and no
 * x-kubernetes-preserve-unknown-fields) rejects unknown fields, as a real API server would prune them.
 */
final class StrictSchema {

  private final JsonSchema schema;

  private StrictSchema(JsonNode openApiV3Schema) {
    schema = StrictCrdSchema.compile(openApiV3Schema);
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
}
