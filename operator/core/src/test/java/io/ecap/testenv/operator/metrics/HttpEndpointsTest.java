package io.ecap.testenv.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.OperatorFactory;
import io.ecap.testenv.operator.config.OperatorSettings;
import io.ecap.testenv.operator.sim.MockCluster;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesMetricsHealthAndReadinessThatFollowTheOperator() throws Exception {
    try (MockCluster cluster = new MockCluster()) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Operator operator = OperatorFactory.create(cluster.newClient(), OperatorSettings.defaults(), registry, Clock.systemUTC());
      try (HttpEndpoints endpoints = new HttpEndpoints(0, registry, operator)) {
        endpoints.start();
        assertThat(get(endpoints.port(), "/readyz").statusCode()).isEqualTo(503);
        assertThat(get(endpoints.port(), "/healthz").statusCode()).isEqualTo(200);
        operator.start();
        assertThat(get(endpoints.port(), "/readyz").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get(endpoints.port(), "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("ecap_operator_runs{phase=\"Pending\"}", "ecap_operator_queue_length",
            "ecap_operator_teardown_failures_total");
      } finally {
        operator.stop();
      }
    }
  }
}
