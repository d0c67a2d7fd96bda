package io.ecap.platform.services.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.platform.services.admin.AdminHooks;
import io.ecap.platform.services.admin.FaultInjection;
import io.ecap.platform.services.jobs.AbandonedRuns;
import io.ecap.platform.services.jobs.FakeJobsJar;
import io.ecap.platform.services.jobs.FakeSparkJob;
import io.ecap.platform.services.jobs.ScratchLakes;
import io.ecap.platform.services.jobs.SparkJobQueue;
import io.ecap.platform.services.jobs.SparkJobs;
import io.ecap.platform.services.jobs.SparkJobsSettings;
import io.ecap.platform.services.support.TestPlatform;
import io.ecap.platform.services.support.TestPlatform.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job and scratch-lake routes over HTTP, on an api service whose jobs jar is a tiny fake (real child JVMs,
 * no Spark): every 400 names its field, uploads land where the jobs read them, a job's run is followed from 202 to
 * its end. The shared test platform's api runs without a jobs jar and answers 503 saying how to turn them on.
 */
class SparkJobRoutesIT {

  private static final String JOBS = "/api/v1/admin/spark-jobs";

  @TempDir
  static Path dir;
  private static TestPlatform platform;
  private static SparkJobs sparkJobs;
  private static ApiService hooked;
  private static Path lake;

  @BeforeAll
  static void start() throws Exception {
    platform = TestPlatform.get();
    lake = dir.resolve("lake");
    Files.createDirectories(lake);
    SparkJobsSettings settings = new SparkJobsSettings(FakeJobsJar.build(dir), lake, Map.of(), Duration.ofSeconds(60),
        "64m");
    ScratchLakes lakes = new ScratchLakes(lake);
    sparkJobs = SparkJobs.enabled(new SparkJobQueue(settings, lakes, AbandonedRuns.ignore(), Clock.systemUTC()), lakes);
    hooked = ApiService.start(platform.endpoints, "127.0.0.1", 0,
        new AdminHooks(FaultInjection.disabled(), Optional.empty(), sparkJobs));
  }

  @AfterAll
  static void stop() {
    hooked.close();
    sparkJobs.close();
  }

  private static Response call(String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hooked.url() + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return platform.send(b);
  }

  private static Response post(String body) throws Exception {
    return call("POST", JOBS, "application/json", body);
  }

  private static Response land(String lakeName, String source, String ndjson) throws Exception {
    return call("PUT", "/api/v1/admin/lakes/" + lakeName + "/landing/" + source, "application/x-ndjson", ndjson);
  }

  /** A problem of {@code status} whose errors name exactly {@code field}; returns its detail. */
  private static String problem(Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
    assertThat(r.json().get("type").asText()).startsWith("https://ecap.io/problems/");
    List<String> fields = new ArrayList<>();
    r.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).as(r.body()).containsExactly(field);
    return r.json().get("detail").asText();
  }

  @Test
  void withoutAJobsJarEveryRouteIsA503ProblemSayingHowToTurnThemOn() throws Exception {
    String id = UUID.randomUUID().toString();
    List<Response> answers = List.of(platform.post(JOBS, "{\"job\":\"rfm\"}"), platform.get(JOBS),
        platform.get(JOBS + "/" + id),
        platform.send(HttpRequest.newBuilder(URI.create(platform.api.url() + "/api/v1/admin/lakes/x/landing/orders"))
            .PUT(HttpRequest.BodyPublishers.ofString("{}"))),
        platform.send(HttpRequest.newBuilder(URI.create(platform.api.url() + "/api/v1/admin/lakes/x")).DELETE()));
    for (Response r : answers) {
      assertThat(r.status()).as(r.body()).isEqualTo(503);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(r.json().get("detail").asText()).contains("ECAP_SPARK_JOBS_JAR").contains("ECAP_LAKE_PATH");
    }
  }

  @Test
  void everyInvalidJobRequestIsA400NamingItsField() throws Exception {
    String detail = problem(post("{\"job\":\"nope\"}"), 400, "job");
    assertThat(detail).contains("unknown Spark job 'nope'").contains("data-quality", "rfm", "fraud-training");
    problem(post("{\"args\":[]}"), 400, "job");
    problem(post("{\"job\":\"io.ecap.platform.analytics.jobs.RfmSegmentation\"}"), 400, "job");
    problem(post("{\"job\":5}"), 400, "job");
    problem(post("{\"job\":\"rfm\",\"args\":\"--promote always\"}"), 400, "args");
    problem(post("{\"job\":\"rfm\",\"args\":{\"promote\":\"always\"}}"), 400, "args");
    problem(post("{\"job\":\"rfm\",\"args\":[\"--as-of\",20250301]}"), 400, "args[1]");
    problem(post("{\"job\":\"rfm\",\"args\":[null]}"), 400, "args[0]");
    problem(post("{\"job\":\"rfm\",\"lake\":\"Bad_Name\"}"), 400, "lake");
    problem(post("{\"job\":\"rfm\",\"lake\":\"" + "x".repeat(41) + "\"}"), 400, "lake");
    problem(post("{\"job\":\"rfm\",\"lake\":7}"), 400, "lake");
    problem(post("{\"job\":\"rfm\",\"priority\":1}"), 400, "priority");
    assertThat(problem(post("{\"job\":\"rfm\",\"lake\":\"never-landed\"}"), 404, "lake")).contains("PUT");
    assertThat(post("").status()).isEqualTo(400);
    assertThat(post("{\"job\":").status()).isEqualTo(400);
    problem(call("GET", JOBS + "/not-a-uuid", null, null), 400, "id");
    problem(call("GET", JOBS + "/" + UUID.randomUUID(), null, null), 404, "id");
  }

  @Test
  void landingUploadsGoToTheScratchLakeAndBadOnesNameTheirField() throws Exception {
    Response landed = land("routes-it", "orders", "{\"eventId\":\"1\"}\n\n{\"eventId\":\"2\"}\n");
    assertThat(landed.status()).as(landed.body()).isEqualTo(201);
    Path file = lake.resolve("scratch/routes-it/landing/orders.jsonl");
    assertThat(landed.json().get("lake").asText()).isEqualTo("routes-it");
    assertThat(landed.json().get("source").asText()).isEqualTo("orders");
    assertThat(landed.json().get("lines").asInt()).isEqualTo(2);
    assertThat(landed.json().get("path").asText()).isEqualTo(file.toString());
    assertThat(Files.readAllLines(file)).containsExactly("{\"eventId\":\"1\"}", "{\"eventId\":\"2\"}");

    assertThat(problem(land("routes-it", "orders", "{\"eventId\":\"3\"}\n[\"not\",\"an\",\"object\"]\n"), 400, "body"))
        .contains("line 2");
    assertThat(Files.readAllLines(file)).as("the earlier upload stays").hasSize(2);
    assertThat(problem(land("routes-it", "invoices", "{}"), 400, "source")).contains("orders");
    problem(land("Routes", "orders", "{}"), 400, "lake");
    problem(land("routes-it", "orders", ""), 400, "body");
    assertThat(lake.resolve("landing")).as("never the main lake").doesNotExist();

    problem(call("DELETE", "/api/v1/admin/lakes/No!", null, null), 400, "lake");
    assertThat(call("DELETE", "/api/v1/admin/lakes/routes-it", null, null).status()).isEqualTo(204);
    assertThat(lake.resolve("scratch/routes-it")).doesNotExist();
    problem(call("DELETE", "/api/v1/admin/lakes/routes-it", null, null), 404, "lake");
  }

  @Test
  void aJobRunIsFollowedFrom202ToItsEndAndItsLakeCannotBeDeletedMeanwhile() throws Exception {
    assertThat(land("followed", "customers", "{\"id\":\"c1\"}\n").status()).isEqualTo(201);
    // Hold the worker, so the HTTP run below is seen QUEUED and its lake in use.
    UUID holder = sparkJobs.queue().submit(FakeSparkJob.class.getName(), List.of("--sleep-ms", "2000"), "followed").id();

    Response accepted = post("{\"job\":\"data-quality\",\"args\":[\"--flag\",\"value\"],\"lake\":\"followed\"}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    JsonNode queued = accepted.json();
    String id = queued.get("id").asText();
    assertThat(accepted.header("Location")).isEqualTo(JOBS + "/" + id);
    assertThat(queued.get("job").asText()).isEqualTo("data-quality");
    assertThat(queued.get("args").toString()).isEqualTo("[\"--flag\",\"value\"]");
    assertThat(queued.get("lake").asText()).isEqualTo("followed");
    assertThat(queued.get("state").asText()).isEqualTo("QUEUED");
    for (String field : List.of("exitCode", "startedAt", "finishedAt", "tookMillis")) {
      assertThat(queued.has(field)).as(field + " present").isTrue();
      assertThat(queued.get(field).isNull()).as(field + " null while queued").isTrue();
    }
    assertThat(queued.get("queuedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(queued.get("logTail").isArray()).isTrue();

    problem(call("DELETE", "/api/v1/admin/lakes/followed", null, null), 409, "lake");

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> call("GET", JOBS + "/" + id, null, null).json().get("state").asText().equals("FAILED"));
    JsonNode ended = call("GET", JOBS + "/" + id, null, null).json();
    // The fake jar has no analytics classes: the child JVM itself says so, and that is what the tail shows.
    assertThat(ended.get("exitCode").asInt()).isEqualTo(1);
    assertThat(ended.get("logTail").toString())
        .contains("io.ecap.platform.analytics.quality.DataQualityCheck");
    assertThat(ended.get("tookMillis").asLong()).isNotNegative();
    assertThat(ended.get("startedAt").asText()).isGreaterThanOrEqualTo(queued.get("queuedAt").asText());

    JsonNode runs = call("GET", JOBS, null, null).json().get("runs");
    assertThat(runs.get(0).get("id").asText()).as("newest first").isEqualTo(id);
    assertThat(runs.get(1).get("id").asText()).isEqualTo(holder.toString());
    assertThat(runs.get(1).get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(call("DELETE", "/api/v1/admin/lakes/followed", null, null).status()).isEqualTo(204);
  }
}
