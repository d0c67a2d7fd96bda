package io.ecap.testenv.operator.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testenv.operator.api.IntegrationTestRun;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks the CRD schema cannot express with standard CEL (Kubernetes' {@code quantity()} is not
 * in the standard environment): requests within limits, positive durations, a usable push URL,
 * and the resource's identity. Runs on the defaulted resource.
 */
final class SemanticValidator {

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  List<ValidationError> validate(JsonNode resource) {
    List<ValidationError> errors = new ArrayList<>();
    checkIdentity(resource, errors);
    JsonNode spec = resource.path("spec");
    checkResources(spec.path("resources"), errors);
    checkPositiveDuration(spec.path("tests").path("timeout"), "spec.tests.timeout", errors);
    Iterator<Map.Entry<String, JsonNode>> timeouts = spec.path("timeouts").fields();
    while (timeouts.hasNext()) {
      Map.Entry<String, JsonNode> timeout = timeouts.next();
      checkPositiveDuration(timeout.getValue(), "spec.timeouts." + timeout.getKey(), errors);
    }
    checkPositiveQuantity(spec.path("kafka").path("storage"), "spec.kafka.storage", errors);
    checkPositiveQuantity(spec.path("postgres").path("storage"), "spec.postgres.storage", errors);
    checkPositiveQuantity(spec.path("lake").path("storage"), "spec.lake.storage", errors);
    checkPositiveQuantity(spec.path("spark").path("driverMemory"), "spec.spark.driverMemory", errors);
    checkPositiveQuantity(spec.path("spark").path("executorMemory"), "spec.spark.executorMemory", errors);
    checkPushgateway(spec.path("metrics").path("pushgatewayUrl"), errors);
    return errors;
  }

  /** Checks only apiVersion, kind and metadata.name: safe on input that failed the schema. */
  static List<ValidationError> identity(JsonNode resource) {
    List<ValidationError> errors = new ArrayList<>();
    checkIdentity(resource, errors);
    return errors;
  }

  private static void checkIdentity(JsonNode resource, List<ValidationError> errors) {
    String apiVersion = resource.path("apiVersion").asText("");
    if (!IntegrationTestRun.API_VERSION.equals(apiVersion)) {
      errors.add(new ValidationError("apiVersion", "must be " + IntegrationTestRun.API_VERSION
          + (apiVersion.isEmpty() ? "" : ", not " + apiVersion)));
    }
    String kind = resource.path("kind").asText("");
    if (!IntegrationTestRun.KIND.equals(kind)) {
      errors.add(new ValidationError("kind", "must be " + IntegrationTestRun.KIND + (kind.isEmpty() ? "" : ", not " + kind)));
    }
    JsonNode name = resource.path("metadata").path("name");
    if (!name.isTextual() || name.asText().isEmpty()) {
      errors.add(new ValidationError("metadata.name", "is required"));
    } else if (name.asText().length() > 253 || !DNS_SUBDOMAIN.matcher(name.asText()).matches()) {
      errors.add(new ValidationError("metadata.name", "must be a DNS subdomain (lower-case letters, digits, '-' and '.',"
          + " starting and ending with a letter or digit, at most 253 characters), not '" + name.asText() + "'"));
    }
  }

  private static void checkResources(JsonNode resources, List<ValidationError> errors) {
    Iterator<Map.Entry<String, JsonNode>> components = resources.fields();
    while (components.hasNext()) {
      Map.Entry<String, JsonNode> component = components.next();
      String path = "spec.resources." + component.getKey();
      for (String resource : List.of("cpu", "memory")) {
        JsonNode request = component.getValue().path("requests").path(resource);
        JsonNode limit = component.getValue().path("limits").path(resource);
        checkPositiveQuantity(request, path + ".requests." + resource, errors);
        checkPositiveQuantity(limit, path + ".limits." + resource, errors);
        if (request.isTextual() && limit.isTextual() && amount(request).compareTo(amount(limit)) > 0) {
          errors.add(new ValidationError(path + ".requests." + resource,
              "must not exceed the limit (" + request.asText() + " > " + limit.asText() + ")"));
        }
      }
    }
  }

  private static BigDecimal amount(JsonNode quantity) {
    return Quantity.getAmountInBytes(new Quantity(quantity.asText()));
  }

  private static void checkPositiveQuantity(JsonNode quantity, String path, List<ValidationError> errors) {
    if (quantity.isTextual() && amount(quantity).signum() <= 0) {
      errors.add(new ValidationError(path, "must be a positive quantity, not " + quantity.asText()));
    }
  }

  private static void checkPositiveDuration(JsonNode duration, String path, List<ValidationError> errors) {
    if (duration.isTextual() && GoDuration.parse(duration.asText()).compareTo(Duration.ZERO) <= 0) {
      errors.add(new ValidationError(path, "must be a positive duration, not " + duration.asText()));
    }
  }

  private static void checkPushgateway(JsonNode url, List<ValidationError> errors) {
    if (!url.isTextual()) {
      return;
    }
    try {
      URI uri = new URI(url.asText());
      if (uri.getHost() == null) {
        errors.add(new ValidationError("spec.metrics.pushgatewayUrl", "must name a host, not '" + url.asText() + "'"));
      }
    } catch (URISyntaxException e) {
      errors.add(new ValidationError("spec.metrics.pushgatewayUrl", "is not a valid URL: " + e.getReason()));
    }
  }
}
