package io.ecap.testenv.operator.api.validation;

/** Dotted field paths as Kubernetes prints them: {@code spec.tests.parallelism}, {@code spec.kafka.topics[2]}. */
final class FieldPath {

  private FieldPath() {
  }

  static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** Turns a JSON-path-like location ({@code $.spec.tests.suites[1]} or {@code $['spec']}) into a field path. */
  static String fromJsonPath(String location) {
    String path = location.startsWith("$") ? location.substring(1) : location;
    path = path.replaceAll("\\['([^']*)']", ".$1");
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /** Appends a CEL rule's {@code fieldPath} (which starts with a dot) to the path of the node it sits on. */
  static String withRelative(String base, String relative) {
    if (relative == null || relative.isEmpty()) {
      return base;
    }
    String trimmed = relative.startsWith(".") ? relative.substring(1) : relative;
    return child(base, trimmed);
  }
}
