package io.ecap.testrunner.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file the embedded platform writes once it is up: {@code KEY=VALUE} lines (ECAP_API_URL,
 * ECAP_KAFKA_BOOTSTRAP, ECAP_JDBC_URL...), blank lines and {@code #} comments allowed. The launcher
 * hands these variables to the shards unchanged.
 */
public final class EndpointsFile {

  private EndpointsFile() {
  }

  /** @throws IllegalArgumentException naming the line that is not {@code KEY=VALUE} */
  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> endpoints = new LinkedHashMap<>();
    int number = 0;
    for (String line : Files.readAllLines(file)) {
      number++;
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      String key = equals < 0 ? "" : trimmed.substring(0, equals).trim();
      if (!key.matches("[A-Z_][A-Z0-9_]*")) {
        throw new IllegalArgumentException(file + " line " + number + " is not KEY=VALUE: " + line);
      }
      endpoints.put(key, trimmed.substring(equals + 1).trim());
    }
    return endpoints;
  }
}
