package io.ecap.testenv.operator.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ecap.testenv.operator.api.IntegrationTestRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CRD generated from the Java classes at build time, read from the classpath: the one source
 * of the schema, defaults and CEL rules used by every local check.
 */
public final class CrdSchema {

  private static final String RESOURCE = "/META-INF/fabric8/" + IntegrationTestRun.CRD_FILE;

  private final JsonNode crd;

  private CrdSchema(JsonNode crd) {
    this.crd = crd;
  }

  /** The generated CRD of {@link IntegrationTestRun}. */
  public static CrdSchema load() {
    try (InputStream in = CrdSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("generated CRD " + RESOURCE
            + " is not on the classpath: build the operator-api module with `mvn process-classes` or later");
      }
      return new CrdSchema(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode crd() {
    return crd;
  }

  /** The {@code openAPIV3Schema} of the served version. */
  public JsonNode openApiV3Schema() {
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (IntegrationTestRun.VERSION.equals(version.path("name").asText())) {
        return version.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalStateException("the CRD serves no version " + IntegrationTestRun.VERSION);
  }
}
