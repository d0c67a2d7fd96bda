package io.ecap.testrunner.suites;

/** An endpoint of the platform under test, and the environment variable that gives it to the suites. */
public enum Endpoint {
  API("ECAP_API_URL", "the platform's REST API"),
  KAFKA("ECAP_KAFKA_BOOTSTRAP", "the Kafka bootstrap servers"),
  JDBC("ECAP_JDBC_URL", "the PostgreSQL JDBC URL"),
  REDIS("ECAP_REDIS_URL", "the Redis URL"),
  LAKE("ECAP_LAKE_PATH", "the data lake's path");

  private final String variable;
  private final String description;

  Endpoint(String variable, String description) {
    this.variable = variable;
    this.description = description;
  }

  public String variable() {
    return variable;
  }

  public String description() {
    return description;
  }
}
