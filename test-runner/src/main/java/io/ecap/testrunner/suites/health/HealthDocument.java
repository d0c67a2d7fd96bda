package io.ecap.testrunner.suites.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the platform's {@code /health/ready} body: a JSON object whose {@code dependencies} (or
 * {@code checks}) lists each dependency with its state, either as an object keyed by name
 * ({@code {"postgres": {"state": "UP", "latencyMillis": 1.2}}}) or as an array of objects with a
 * {@code name}. The state is {@code state} or {@code status}.
 */
final class HealthDocument {

  private static final Set<String> UP = Set.of("up", "ready", "healthy", "ok");

  /** One dependency as the platform reports it. */
  record Dependency(String name, String state) {
    boolean up() {
      return state != null && UP.contains(state.toLowerCase(Locale.ROOT));
    }
  }

  private HealthDocument() {
  }

  static List<Dependency> dependencies(JsonNode body) {
    JsonNode listed = body.has("dependencies") ? body.get("dependencies") : body.get("checks");
    if (listed == null) {
      throw new AssertionError("/health/ready lists no dependencies (neither 'dependencies' nor 'checks'): " + body);
    }
    List<Dependency> dependencies = new ArrayList<>();
    if (listed.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = listed.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        dependencies.add(new Dependency(entry.getKey(), state(entry.getValue())));
      }
    } else if (listed.isArray()) {
      for (JsonNode item : listed) {
        dependencies.add(new Dependency(item.path("name").asText(null), state(item)));
      }
    } else {
      throw new AssertionError("/health/ready 'dependencies' is neither an object nor an array: " + listed);
    }
    return dependencies;
  }

  static Optional<Dependency> find(List<Dependency> dependencies, String kind) {
    return dependencies.stream().filter(d -> d.name() != null && d.name().toLowerCase(Locale.ROOT).contains(kind)).findFirst();
  }

  private static String state(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    JsonNode state = node.has("state") ? node.get("state") : node.get("status");
    return state == null ? null : state.asText();
  }
}
