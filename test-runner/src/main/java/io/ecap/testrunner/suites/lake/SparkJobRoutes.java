package io.ecap.testrunner.suites.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.PlatformHttp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The platform's Spark job and scratch-lake routes, over HTTP: land a crafted dataset in a scratch lake, run a job
 * over it, follow the run to its end, remove the lake. The platform offers them only when it has its Spark jobs jar;
 * otherwise they answer 503 and a test using them is skipped with the platform's reason.
 */
public final class SparkJobRoutes {

  public static final String RUNS = "/api/v1/admin/spark-jobs";
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlatformHttp http;

  public SparkJobRoutes(PlatformHttp http) {
    this.http = http;
  }

  /** Skips the calling test when the platform runs without its Spark jobs jar (503), quoting why. */
  public void assumeEnabled() {
    PlatformHttp.Response runs = http.get(RUNS);
    Assumptions.assumeFalse(runs.status() == 503, () -> "the platform's Spark job routes are off, so no job can be"
        + " run over a crafted dataset: " + runs.json().path("detail").asText());
    assertThat(runs.status()).as(runs.toString()).isEqualTo(200);
  }

  /** PUTs {@code lines} as the scratch lake's landing file of {@code source}; returns the platform's answer. */
  public JsonNode land(String lake, String source, List<String> lines) {
    PlatformHttp.Response landed = http.send("PUT", "/api/v1/admin/lakes/" + lake + "/landing/" + source,
        Map.of("Content-Type", "application/x-ndjson"), String.join("\n", lines) + "\n");
    assertThat(landed.status()).as(landed.toString()).isEqualTo(201);
    return landed.json();
  }

  /** Queues {@code job} over the scratch lake {@code lake} (null: the main lake); returns the run as queued. */
  public JsonNode submit(String job, List<String> args, String lake) {
    ObjectNode body = JSON.createObjectNode().put("job", job);
    if (lake != null) {
      body.put("lake", lake);
    }
    args.forEach(body.putArray("args")::add);
    PlatformHttp.Response accepted = http.postJson(RUNS, body.toString());
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    JsonNode run = accepted.json();
    assertThat(accepted.header("Location")).isEqualTo(RUNS + "/" + run.get("id").asText());
    return run;
  }

  /** Polls the run until it SUCCEEDED or FAILED, at most {@code limit}; returns it as it ended. */
  public JsonNode awaitEnded(String id, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      PlatformHttp.Response answer = http.get(RUNS + "/" + id);
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      JsonNode run = answer.json();
      String state = run.get("state").asText();
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        return run;
      }
      assertThat(System.nanoTime()).as("run %s still %s after %s; last lines: %s", id, state, limit,
          run.get("logTail")).isLessThan(deadline);
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Runs a job to its end and requires it to succeed; the failure shows the job's last log lines. */
  public JsonNode run(String job, List<String> args, String lake, Duration limit) throws InterruptedException {
    JsonNode ended = awaitEnded(submit(job, args, lake).get("id").asText(), limit);
    assertThat(ended.get("state").asText()).as("%s %s on %s (exit %s):%n%s", job, args,
        lake == null ? "the main lake" : lake, ended.path("exitCode"), logTail(ended)).isEqualTo("SUCCEEDED");
    return ended;
  }

  /** The last lines of a run's output, one per line. */
  public static String logTail(JsonNode run) {
    StringBuilder text = new StringBuilder();
    run.path("logTail").forEach(l -> text.append(l.asText()).append('\n'));
    return text.toString();
  }

  /** Every run the platform kept, newest first. */
  public List<JsonNode> runs() {
    PlatformHttp.Response answer = http.get(RUNS);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<JsonNode> runs = new java.util.ArrayList<>();
    answer.json().get("runs").forEach(runs::add);
    return runs;
  }

  /** DELETEs the scratch lake; returns the status (204 removed, 404 absent, 409 a job over it is not done). */
  public int deleteLake(String lake) {
    return http.delete("/api/v1/admin/lakes/" + lake).status();
  }

  /**
   * The ids of the runs the platform made over scratch lakes (empty when it has no API or no job routes): their rows
   * in analytics_job_runs and data_quality_results are about crafted data, not the seeded dataset.
   */
  public static Set<UUID> scratchRunIds(Endpoints endpoints) {
    if (endpoints.get(Endpoint.API).isEmpty()) {
      return Set.of();
    }
    PlatformHttp.Response answer = new PlatformHttp(endpoints.api(), Duration.ofSeconds(10)).get(RUNS);
    if (answer.status() != 200) {
      return Set.of();
    }
    Set<UUID> ids = new HashSet<>();
    answer.json().path("runs").forEach(r -> {
      if (r.hasNonNull("lake")) {
        ids.add(UUID.fromString(r.get("id").asText()));
      }
    });
    return ids;
  }
}
