package io.ecap.testrunner.samples;

import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.RequiresEndpoints;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sample suite {@code needs-kafka}: skipped wherever ECAP_KAFKA_BOOTSTRAP is not set.
 * A fixture run by the launcher's tests, which assert how, where and how often it runs; its own
 * methods check nothing on purpose.
 */
@Tag("needs-kafka")
@RequiresEndpoints(Endpoint.KAFKA)
class NeedsKafkaChecks {

  @Test
  void consumes() {
    throw new AssertionError("must not run without Kafka");
  }

  @Test
  void produces() {
    throw new AssertionError("must not run without Kafka");
  }
}
