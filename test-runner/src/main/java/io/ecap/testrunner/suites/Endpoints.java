package io.ecap.testrunner.suites;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the platform under test is, as the operator or the embedded launcher tells the runner:
 * ECAP_API_URL, ECAP_SERVICE_&lt;NAME&gt;_URL, ECAP_KAFKA_BOOTSTRAP, ECAP_JDBC_URL / _USER / _PASSWORD,
 * ECAP_REDIS_URL, ECAP_LAKE_PATH. The suites reach the platform only through these.
 */
public final class Endpoints {

  public static final String JDBC_USER = "ECAP_JDBC_USER";
  public static final String JDBC_PASSWORD = "ECAP_JDBC_PASSWORD";

  private final Map<String, String> variables;

  public Endpoints(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  public static Endpoints fromEnvironment() {
    return new Endpoints(System.getenv());
  }

  /** The endpoint's value, or empty when it is not configured. */
  public Optional<String> get(Endpoint endpoint) {
    return value(endpoint.variable());
  }

  /** @throws IllegalStateException naming the variable when it is not set */
  public String require(Endpoint endpoint) {
    return get(endpoint).orElseThrow(() -> new IllegalStateException(endpoint.variable() + " is not set ("
        + endpoint.description() + ")"));
  }

  /** The API's base URL without a trailing slash. */
  public URI api() {
    return URI.create(require(Endpoint.API).replaceAll("/+$", ""));
  }

  /** The URL of one platform service ({@code ECAP_SERVICE_FRAUD_URL} for {@code fraud}). */
  public Optional<URI> service(String name) {
    return value(serviceVariable(name)).map(u -> URI.create(u.replaceAll("/+$", "")));
  }

  /** Every configured platform service (ECAP_SERVICE_&lt;NAME&gt;_URL), by lower-case name. */
  public java.util.SortedMap<String, URI> services() {
    java.util.SortedMap<String, URI> services = new java.util.TreeMap<>();
    variables.forEach((name, value) -> {
      if (name.startsWith("ECAP_SERVICE_") && name.endsWith("_URL") && name.length() > "ECAP_SERVICE__URL".length()
          && value != null && !value.isBlank()) {
        String service = name.substring("ECAP_SERVICE_".length(), name.length() - "_URL".length())
            .toLowerCase(Locale.ROOT).replace('_', '-');
        services.put(service, URI.create(value.trim().replaceAll("/+$", "")));
      }
    });
    return services;
  }

  public Optional<String> kafkaBootstrap() {
    return get(Endpoint.KAFKA);
  }

  public Optional<String> jdbcUrl() {
    return get(Endpoint.JDBC);
  }

  public Optional<String> jdbcUser() {
    return value(JDBC_USER);
  }

  public Optional<String> jdbcPassword() {
    return value(JDBC_PASSWORD);
  }

  public Optional<String> redisUrl() {
    return get(Endpoint.REDIS);
  }

  public Optional<String> lakePath() {
    return get(Endpoint.LAKE);
  }

  public static String serviceVariable(String name) {
    return "ECAP_SERVICE_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
  }

  private Optional<String> value(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
