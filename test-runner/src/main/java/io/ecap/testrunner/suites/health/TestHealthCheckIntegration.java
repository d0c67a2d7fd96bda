package io.ecap.testrunner.suites.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.results.PerformanceFigure;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.Performance;
import io.ecap.testrunner.suites.PlatformDisruption;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.RequiresEndpoints;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The {@code health} suite: the platform's liveness and readiness endpoints, the state of each
 * dependency it reports (PostgreSQL, Redis, Kafka), and the health endpoint's own latency (the
 * healthP99Millis quality gate).
 */
@Tag("health")
@RequiresEndpoints(Endpoint.API)
class TestHealthCheckIntegration {

  private static final int WARMUP = 20;
  private static final int SAMPLES = 200;

  private final PlatformHttp http = new PlatformHttp(Endpoints.fromEnvironment().api(), Duration.ofSeconds(5));
  private PlatformDisruption.Hold undisturbed;

  /** Another shard's circuit-breaker test cuts Redis off; these checks expect a healthy environment. */
  @BeforeEach
  void holdOffDisruptions() {
    undisturbed = new PlatformDisruption(Endpoints.fromEnvironment()).shared();
  }

  @AfterEach
  void release() {
    undisturbed.close();
  }

  @Test
  void livenessAnswers200WithJson() {
    PlatformHttp.Response live = http.get("/health/live");
    assertThat(live.status()).as("%s", live).isEqualTo(200);
    assertThat(live.isJson()).as("content type of %s", live).isTrue();
    assertThat(live.json().isObject()).as("%s", live).isTrue();
  }

  @Test
  void readinessListsPostgresRedisAndKafkaWithTheirState() {
    PlatformHttp.Response ready = http.get("/health/ready");
    assertThat(ready.status()).as("%s", ready).isIn(200, 503);
    assertThat(ready.isJson()).as("content type of %s", ready).isTrue();
    List<HealthDocument.Dependency> dependencies = HealthDocument.dependencies(ready.json());
    for (String kind : List.of("postgres", "redis", "kafka")) {
      assertThat(HealthDocument.find(dependencies, kind)).as("dependency %s in %s", kind, ready).isPresent()
          .get().extracting(HealthDocument.Dependency::state).as("state of %s in %s", kind, ready).isNotNull();
    }
  }

  @Test
  void readyMeansEveryDependencyIsUp() {
    PlatformHttp.Response ready = http.get("/health/ready");
    List<HealthDocument.Dependency> dependencies = HealthDocument.dependencies(ready.json());
    boolean allUp = dependencies.stream().allMatch(HealthDocument.Dependency::up);
    assertThat(ready.status()).as("status of %s when every dependency up is %s", ready, allUp)
        .isEqualTo(allUp ? 200 : 503);
  }

  @Test
  void unknownHealthRouteIs404() {
    PlatformHttp.Response unknown = http.get("/health/no-such-check");
    assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
  }

  @Test
  void readinessLatencyIsMeasured(TestReporter reporter) {
    for (int i = 0; i < WARMUP; i++) {
      http.get("/health/ready");
    }
    double[] millis = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      PlatformHttp.Response response = http.get("/health/ready");
      millis[i] = (System.nanoTime() - start) / 1e6;
      assertThat(response.status()).as("sample %d: %s", i, response).isIn(200, 503);
    }
    double p99 = Performance.percentile(millis, 99);
    Performance.publish(reporter, PerformanceFigure.HEALTH_P99_MILLIS, p99);
    assertThat(p99).as("health p99 in ms").isPositive();
  }
}
