package io.ecap.platform.services.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the platform's infrastructure is: what the operator passes as environment variables, and what the
 * embedded mode writes to its endpoints file. The names are a contract with the operator and the test runner.
 */
public record PlatformEndpoints(String kafkaBootstrap, String jdbcUrl, String jdbcUser, String jdbcPassword,
                                String redisUrl) {

  public static final String KAFKA_BOOTSTRAP = "ECAP_KAFKA_BOOTSTRAP";
  public static final String JDBC_URL = "ECAP_JDBC_URL";
  public static final String JDBC_USER = "ECAP_JDBC_USER";
  public static final String JDBC_PASSWORD = "ECAP_JDBC_PASSWORD";
  public static final String REDIS_URL = "ECAP_REDIS_URL";
  public static final String HTTP_PORT = "ECAP_HTTP_PORT";

  /** Reads the endpoints from the environment; names every missing variable at once. */
  public static PlatformEndpoints fromEnvironment(Map<String, String> env) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of(KAFKA_BOOTSTRAP, JDBC_URL, JDBC_USER, JDBC_PASSWORD, REDIS_URL)) {
      if (env.get(name) == null || env.get(name).isBlank()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing environment variables: " + String.join(", ", missing));
    }
    return new PlatformEndpoints(env.get(KAFKA_BOOTSTRAP), env.get(JDBC_URL), env.get(JDBC_USER), env.get(JDBC_PASSWORD),
        env.get(REDIS_URL));
  }

  /** ECAP_HTTP_PORT, 8080 when unset. */
  public static int httpPort(Map<String, String> env) {
    String value = env.getOrDefault(HTTP_PORT, "8080");
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65_535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(HTTP_PORT + " must be a port number 0-65535, got '" + value + "'");
    }
  }
}
