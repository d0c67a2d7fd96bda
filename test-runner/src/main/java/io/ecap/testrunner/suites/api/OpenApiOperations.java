package io.ecap.testrunner.suites.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The operations an OpenAPI document lists, as {@code "METHOD /path/{template}"}. */
final class OpenApiOperations {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private OpenApiOperations() {
  }

  static Set<String> of(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (METHODS.contains(method.toLowerCase(Locale.ROOT))) {
        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    return operations;
  }
}
