package io.ecap.platform.services.resilience;

/** A dependency (postgresql, redis, kafka) cannot serve right now: the request gets a 503, not a 500. */
public final class DependencyUnavailable extends RuntimeException {

  private final String dependency;

  public DependencyUnavailable(String dependency, String message, Throwable cause) {
    super(message, cause);
    this.dependency = dependency;
  }

  public String dependency() {
    return dependency;
  }
}
