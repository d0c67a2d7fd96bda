package io.ecap.testrunner.suites.analytics;

import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.lake.AnalyticsDb;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.api.ExercisedRoutes;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** What every class of the analytics suite works with: the analytics tables over JDBC and the API, route-recorded. */
abstract class AnalyticsSuite {

  protected final Endpoints endpoints = Endpoints.fromEnvironment();
  protected final AnalyticsDb db = new AnalyticsDb(endpoints);
  protected final PlatformHttp api = new PlatformHttp(endpoints.api(), Duration.ofSeconds(10))
      .observed(ExercisedRoutes::record);

  @AfterEach
  void closeDatabase() {
    db.close();
  }
}
