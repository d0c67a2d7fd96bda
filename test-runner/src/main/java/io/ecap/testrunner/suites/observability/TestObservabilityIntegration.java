package io.ecap.testrunner.suites.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.Eventually;
import io.ecap.testrunner.suites.Exposition;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.RequiresEndpoints;
import io.ecap.testrunner.suites.api.Shop;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code observability} suite: metrics from every service (ecap_ names, base units, counting what the test
 * does), logs found by trace id (over {@code GET /admin/logs}), the trace carried from an HTTP request into the
 * Kafka record it causes, and the alerting rules reading only metrics the platform really exports.
 */
@Tag("observability")
@RequiresEndpoints(Endpoint.API)
class TestObservabilityIntegration {

  /** Unit words that are not base units (Prometheus naming: seconds, bytes, ratios). */
  private static final List<String> NON_BASE_UNITS = List.of("_milliseconds", "_millis", "_ms", "_microseconds",
      "_nanoseconds", "_minutes", "_hours", "_kilobytes", "_megabytes", "_gigabytes", "_percent");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoints endpoints = Endpoints.fromEnvironment();
  private final PlatformHttp http = new PlatformHttp(endpoints.api(), Duration.ofSeconds(10));
  private final Shop shop = new Shop(http);

  /** Every configured service; the API alone when no ECAP_SERVICE_*_URL is set. */
  private SortedMap<String, URI> services() {
    SortedMap<String, URI> services = endpoints.services();
    if (services.isEmpty()) {
      services = new TreeMap<>(Map.of("api", endpoints.api()));
    }
    return services;
  }

  private Exposition scrape(String service, URI url) {
    PlatformHttp.Response metrics = new PlatformHttp(url, Duration.ofSeconds(10)).get("/metrics");
    assertThat(metrics.status()).as("%s /metrics: %s", service, metrics).isEqualTo(200);
    assertThat(metrics.contentType()).as("%s /metrics content type", service).startsWith("text/plain");
    return Exposition.parse(metrics.body());
  }

  @Test
  void everyServiceExportsEcapMetricsInBaseUnits() {
    for (Map.Entry<String, URI> service : services().entrySet()) {
      Exposition exposition = scrape(service.getKey(), service.getValue());
      assertThat(exposition.samples()).as("samples of %s", service.getKey()).isNotEmpty();
      assertThat(exposition.names()).as("metric names of %s", service.getKey()).allMatch(n -> n.startsWith("ecap_"));
      for (String name : exposition.names()) {
        assertThat(NON_BASE_UNITS).as("%s of %s is in base units", name, service.getKey())
            .noneMatch(unit -> name.contains(unit + "_") || name.endsWith(unit));
        if (name.contains("duration") || name.contains("latency")) {
          assertThat(name).as("a time of %s", service.getKey()).containsPattern("_seconds(_bucket|_count|_sum|_max)?$");
        }
      }
      exposition.types().forEach((family, type) -> {
        if (type.equals("counter")) {
          String total = family.endsWith("_total") ? family : family + "_total";
          assertThat(exposition.names()).as("counter %s of %s", family, service.getKey()).contains(total);
        }
        if (type.equals("histogram")) {
          assertThat(exposition.names()).as("histogram %s of %s", family, service.getKey())
              .contains(family + "_bucket", family + "_count", family + "_sum");
        }
      });
    }
  }

  @Test
  void requestMetricsCountTheRequestsJustMade() {
    Map<String, String> labels = Map.of("method", "GET", "route", "/api/v1/orders/{orderId}", "status", "404");
    double before = Exposition.parse(http.get("/metrics").body()).sum("ecap_http_server_requests_seconds_count", labels);
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/api/v1/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
    Eventually.within(Duration.ofSeconds(5), () -> {
      Exposition after = Exposition.parse(http.get("/metrics").body());
      assertThat(after.sum("ecap_http_server_requests_seconds_count", labels)).as("404s of GET /api/v1/orders/{orderId}")
          .isGreaterThanOrEqualTo(before + 3);
      assertThat(after.find("ecap_http_server_requests_seconds_bucket", Map.of("route", "/api/v1/orders/{orderId}",
          "le", "+Inf"))).as("a histogram bucket of the route").isPresent();
    });
  }

  @Test
  void logsOfARequestAreFoundByItsTraceId() throws IOException {
    PlatformHttp.Response probe = http.get("/admin/logs?traceId=" + TraceContext.fresh().traceId());
    Assumptions.assumeFalse(probe.status() == 404 && probe.contentType().startsWith("application/problem+json"),
        "the platform serves no logs over the wire (start it with --embedded, or ECAP_LOG_ACCESS=true): " + probe);
    assertThat(probe.status()).as("%s", probe).isEqualTo(200);

    TraceContext trace = TraceContext.fresh();
    String correlation = "obs-" + UUID.randomUUID();
    PlatformHttp.Response placed = http.postJson("/api/v1/orders",
        Shop.orderBody(shop.customer(), Map.of(shop.product(800), 1)),
        Map.of("traceparent", trace.traceparent(), "X-Correlation-Id", correlation));
    assertThat(placed.status()).as("%s", placed).isEqualTo(201);
    assertThat(TraceContext.traceIdOf(placed.header("traceparent"))).as("traceparent answered by %s", placed)
        .isEqualTo(trace.traceId());
    String orderId = placed.json().path("id").asText();

    List<JsonNode> lines = new ArrayList<>();
    Eventually.within(Duration.ofSeconds(10), () -> {
      PlatformHttp.Response logs = http.get("/admin/logs?traceId=" + trace.traceId());
      assertThat(logs.status()).as("%s", logs).isEqualTo(200);
      lines.clear();
      for (String line : logs.body().split("\n")) {
        if (!line.isBlank()) {
          lines.add(parse(line));
        }
      }
      assertThat(lines).as("log lines of trace %s", trace.traceId())
          .anyMatch(l -> l.path("message").asText().equals("order placed") && l.path("order_id").asText().equals(orderId));
    });
    assertThat(lines).allSatisfy(line -> {
      assertThat(line.path("trace_id").asText()).isEqualTo(trace.traceId());
      assertThat(line.path("@timestamp").asText()).isNotBlank();
      assertThat(line.path("level").asText()).isNotBlank();
    });
    JsonNode placedLine = lines.stream().filter(l -> l.path("message").asText().equals("order placed")).findFirst().orElseThrow();
    assertThat(placedLine.path("correlation_id").asText()).isEqualTo(correlation);
    assertThat(placedLine.path("span_id").asText()).as("the server's own span").matches("[0-9a-f]{16}")
        .isNotEqualTo(trace.spanId());
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("a log line that is not JSON: " + line, e);
    }
  }

  @Test
  void theTraceOfAnHttpRequestIsCarriedIntoItsKafkaRecord() {
    Assumptions.assumeTrue(endpoints.kafkaBootstrap().isPresent(),
        Endpoint.KAFKA.variable() + " is not set: the Kafka side of the trace cannot be checked");
    String customer = shop.customer();
    String product = shop.product(650);
    TraceContext trace = TraceContext.fresh();
    String correlation = "kafka-" + UUID.randomUUID();
    try (OrdersTopic orders = new OrdersTopic(endpoints.kafkaBootstrap().get())) {
      PlatformHttp.Response placed = http.postJson("/api/v1/orders", Shop.orderBody(customer, Map.of(product, 2)),
          Map.of("traceparent", trace.traceparent(), "X-Correlation-Id", correlation));
      assertThat(placed.status()).as("%s", placed).isEqualTo(201);
      String orderId = placed.json().path("id").asText();
      ConsumerRecord<String, String> record = orders.await(r -> r.value() != null && r.value().contains(orderId),
          Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no record of order " + orderId + " on "
          + OrdersTopic.TOPIC + " within 20 s"));
      String traceparent = header(record, "traceparent");
      assertThat(TraceContext.traceIdOf(traceparent)).as("trace id of the record's traceparent %s", traceparent)
          .isEqualTo(trace.traceId());
      assertThat(TraceContext.spanIdOf(traceparent)).as("the producer's own span").isNotEqualTo(trace.spanId());
      assertThat(header(record, "correlation_id")).isEqualTo(correlation);
      assertThat(header(record, "event_type")).isEqualTo("order.placed");
      assertThat(record.key()).as("record key").isEqualTo(customer);
      JsonNode event = parse(record.value());
      assertThat(event.path("traceId").asText()).isEqualTo(trace.traceId());
      assertThat(event.path("correlationId").asText()).isEqualTo(correlation);
      assertThat(event.path("eventId").asText()).isEqualTo(header(record, "event_id"));
      assertThat(event.path("data").toString()).contains(orderId);
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s of the record", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void everyAlertRuleReadsMetricsThePlatformExports() {
    Map<String, Set<String>> rules = AlertRules.metricsByAlert();
    assertThat(rules).as("alerts in %s", AlertRules.RESOURCE).hasSizeGreaterThanOrEqualTo(5);
    http.get("/api/v1/products?size=1");
    Set<String> live = new TreeSet<>();
    services().forEach((name, url) -> live.addAll(scrape(name, url).names()));
    rules.forEach((alert, metrics) -> {
      assertThat(metrics).as("metrics of alert %s", alert).isNotEmpty();
      assertThat(live).as("live metrics read by alert %s", alert).containsAll(metrics);
    });
  }
}
