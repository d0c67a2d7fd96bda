package io.ecap.platform.services.health;

import java.util.List;

/** Body of /health/ready. */
public record HealthReport(String status, List<DependencyStatus> dependencies) {

  public HealthReport {
    dependencies = List.copyOf(dependencies);
  }
}
