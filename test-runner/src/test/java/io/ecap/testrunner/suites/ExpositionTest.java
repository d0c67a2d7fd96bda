package io.ecap.testrunner.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionTest {

  private static final String TEXT = """
      # HELP ecap_http_server_requests_seconds HTTP request duration
      # TYPE ecap_http_server_requests_seconds histogram
      ecap_http_server_requests_seconds_bucket{method="GET",route="/api/v1/orders/{orderId}",status="404",le="+Inf"} 3
      ecap_http_server_requests_seconds_count{method="GET",route="/api/v1/orders/{orderId}",status="404"} 3
      ecap_http_server_requests_seconds_count{method="GET",route="/api/v1/orders/{orderId}",status="200"} 2.0
      # TYPE ecap_cache_requests counter
      ecap_cache_requests_total{cache="order",result="hit",note="a \\"quoted\\", comma"} 1.0 1700000000000
      ecap_outbox_pending 0.0
      """;

  @Test
  void parsesSamplesLabelsTypesAndEscapes() {
    Exposition exposition = Exposition.parse(TEXT);
    assertThat(exposition.samples()).hasSize(5);
    assertThat(exposition.types()).containsEntry("ecap_http_server_requests_seconds", "histogram")
        .containsEntry("ecap_cache_requests", "counter");
    assertThat(exposition.names()).contains("ecap_outbox_pending", "ecap_cache_requests_total");
    assertThat(exposition.find("ecap_cache_requests_total", Map.of("result", "hit")).orElseThrow().labels())
        .containsEntry("note", "a \"quoted\", comma");
    assertThat(exposition.find("ecap_http_server_requests_seconds_bucket", Map.of("le", "+Inf")).orElseThrow().value())
        .isEqualTo(3.0);
    assertThat(exposition.sum("ecap_http_server_requests_seconds_count", Map.of("method", "GET"))).isEqualTo(5.0);
    assertThat(exposition.sum("ecap_http_server_requests_seconds_count", Map.of("status", "500"))).isZero();
  }

  @Test
  void aMalformedLineIsNamed() {
    assertThatThrownBy(() -> Exposition.parse("ecap_ok 1\necap_bad{x=unquoted} 1\n"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> Exposition.parse("ecap_value notanumber\n")).hasMessageContaining("line 1");
  }
}
