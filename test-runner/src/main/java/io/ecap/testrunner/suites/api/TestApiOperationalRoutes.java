package io.ecap.testrunner.suites.api;

import static io.ecap.testrunner.suites.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.PlatformHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routes beside the business API: health, metrics, the OpenAPI document, and the /admin test hooks (which
 * answer a 404 problem when the platform runs without them; cutting a real dependency is the health suite's job).
 */
@ApiSuite
class TestApiOperationalRoutes {

  private final PlatformHttp http = Shop.recordingClient();

  @Test
  @Exercises({"GET /health/live", "GET /health/ready"})
  void healthAnswersJson() {
    PlatformHttp.Response live = http.get("/health/live");
    assertThat(live.status()).as("%s", live).isEqualTo(200);
    assertThat(live.json().path("status").asText()).isEqualTo("UP");
    PlatformHttp.Response ready = http.get("/health/ready");
    assertThat(ready.status()).as("%s", ready).isIn(200, 503);
    assertThat(ready.json().path("status").asText()).isIn("UP", "DEGRADED", "DOWN");
  }

  @Test
  @Exercises("GET /metrics")
  void metricsAreThePrometheusTextFormat() {
    PlatformHttp.Response metrics = http.get("/metrics");
    assertThat(metrics.status()).as("%s", metrics).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body()).contains("# TYPE ecap_").contains("ecap_http_server_requests_seconds_count{");
  }

  @Test
  @Exercises("GET /openapi.json")
  void theOpenApiDocumentDescribesItsOperationsAndProblems() {
    PlatformHttp.Response document = http.get("/openapi.json");
    assertThat(document.status()).as("%s", document).isEqualTo(200);
    JsonNode openApi = document.json();
    assertThat(openApi.path("openapi").asText()).startsWith("3.");
    assertThat(openApi.path("info").path("title").asText()).isNotBlank();
    assertThat(OpenApiOperations.of(openApi)).hasSizeGreaterThanOrEqualTo(16);
    openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
      assertThat(operation.getValue().path("responses").size()).as("responses of %s %s", operation.getKey(),
          path.getKey()).isPositive();
      assertThat(operation.getValue().path("summary").asText()).as("summary of %s %s", operation.getKey(),
          path.getKey()).isNotBlank();
    }));
    assertThat(openApi.path("components").path("schemas").path("Problem").path("required").toString())
        .contains("type", "title", "status");
  }

  @Test
  @Exercises({"GET /admin/faults", "POST /admin/faults/{dependency}", "DELETE /admin/faults/{dependency}",
      "GET /admin/logs"})
  void theTestHooksAnswerOrSayTheyAreOff() {
    PlatformHttp.Response faults = http.get("/admin/faults");
    if (faults.status() == 200) {
      assertThat(faults.json().path("dependencies").toString()).contains("\"redis\"");
      assertProblem(http.send("POST", "/admin/faults/no-such-dependency", Map.of(), null), 404, "dependency");
      assertProblem(http.delete("/admin/faults/no-such-dependency"), 404, "dependency");
    } else {
      assertProblem(faults, 404);
      assertThat(faults.json().path("detail").asText()).contains("disabled");
      assertProblem(http.send("POST", "/admin/faults/no-such-dependency", Map.of(), null), 404);
      assertProblem(http.delete("/admin/faults/no-such-dependency"), 404);
    }
    PlatformHttp.Response logs = http.get("/admin/logs?traceId=not-a-trace-id");
    if (logs.status() == 400) {
      assertProblem(logs, 400, "traceId");
      PlatformHttp.Response none = http.get("/admin/logs?traceId=" + "0".repeat(31) + "1");
      assertThat(none.status()).as("%s", none).isEqualTo(200);
      assertThat(none.contentType()).startsWith("application/x-ndjson");
    } else {
      assertProblem(logs, 404);
      assertThat(logs.json().path("detail").asText()).contains("disabled");
    }
  }
}
