package io.ecap.testrunner.samples;

import io.ecap.testrunner.results.PerformanceFigure;
import io.ecap.testrunner.suites.Performance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Sample suite {@code measuring}: publishes performance figures as the performance suites do.
 * A fixture run by the launcher's tests, which assert how, where and how often it runs; its own
 * methods check nothing on purpose.
 */
@Tag("measuring")
class MeasuringChecks {

  @Test
  void measuresApi(TestReporter reporter) {
    Performance.publish(reporter, PerformanceFigure.API_P95_MILLIS, 42.5);
    Performance.publish(reporter, PerformanceFigure.API_P95_MILLIS, 17.0);
  }

  @Test
  void measuresThroughput(TestReporter reporter) {
    Performance.publish(reporter, PerformanceFigure.STREAMING_EVENTS_PER_SECOND, 900);
    Performance.publish(reporter, PerformanceFigure.STREAMING_EVENTS_PER_SECOND, 1500);
  }
}
