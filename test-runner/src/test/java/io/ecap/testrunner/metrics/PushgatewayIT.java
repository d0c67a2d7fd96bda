package io.ecap.testrunner.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.launch.SampleShards;
import io.ecap.testrunner.launch.ShardCommand;
import io.ecap.testrunner.launch.ShardEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard pushes its metrics to a real Pushgateway (Debian's prometheus-pushgateway, started here on a
 * free loopback port); what the Pushgateway exposes is checked by value and by {@code promtool check metrics}.
 */
class PushgatewayIT {

  private static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Process pushgateway;
  private static String url;

  @TempDir
  Path dir;

  @BeforeAll
  static void startPushgateway() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(PUSHGATEWAY) && Files.isExecutable(PROMTOOL),
        "Pushgateway tests skipped: /usr/bin/prometheus-pushgateway or /usr/bin/promtool is missing; "
            + "run test-runner/src/test/scripts/ensure-prometheus.sh (Debian packages prometheus, prometheus-pushgateway)");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    url = "http://127.0.0.1:" + port;
    pushgateway = new ProcessBuilder(PUSHGATEWAY.toString(), "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      try {
        if (get("/-/ready").statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline || !pushgateway.isAlive()) {
        throw new IllegalStateException("the Pushgateway did not start on " + url);
      }
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stopPushgateway() throws InterruptedException {
    if (pushgateway != null) {
      pushgateway.destroy();
      pushgateway.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aShardPushesItsResultsGroupedByRunAndShard() throws Exception {
    for (int index = 0; index < 2; index++) {
      SampleShards shard = new SampleShards(dir.resolve("shard-" + index)).with(ShardEnvironment.SUITES, "alpha,beta,measuring")
          .with(ShardEnvironment.RUN_ID, "push-run").with(ShardEnvironment.SHARD_TOTAL, "2")
          .with(ShardEnvironment.SHARD_INDEX, Integer.toString(index)).with(ShardEnvironment.PUSHGATEWAY_URL, url);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
      new ShardCommand().run(shard.env(), print, print);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("metrics pushed to " + url);
    }

    List<String> exposition = ecapLines(get("/metrics").body());
    assertThat(exposition).anySatisfy(line -> assertThat(line).startsWith("ecap_test_tests{")
        .contains("job=\"ecap-test-runner\"").contains("run=\"push-run\"").contains("shard=\"1\"")
        .contains("suite=\"beta\"").contains("outcome=\"failed\"").endsWith(" 2"));
    assertThat(exposition).anySatisfy(line -> assertThat(line).startsWith("ecap_test_tests{")
        .contains("run=\"push-run\"").contains("shard=\"0\"").contains("suite=\"alpha\"")
        .contains("outcome=\"passed\"").endsWith(" 2"));
    assertThat(exposition).anySatisfy(line -> assertThat(line).startsWith("ecap_test_api_p95_seconds{")
        .contains("run=\"push-run\"").endsWith(" 0.0425"));
    assertThat(exposition).anySatisfy(line -> assertThat(line).startsWith("ecap_test_suite_duration_seconds{")
        .contains("suite=\"alpha\""));
    assertThat(exposition).anySatisfy(line -> assertThat(line).startsWith("ecap_test_streaming_throughput_events_per_second{")
        .endsWith(" 900"));
  }

  @Test
  void theExpositionPassesPromtool() throws Exception {
    SampleShards shard = new SampleShards(dir).with(ShardEnvironment.SUITES, "alpha,measuring")
        .with(ShardEnvironment.RUN_ID, "lint-run").with(ShardEnvironment.PUSHGATEWAY_URL, url);
    new PushgatewayPublisher(url).push(shard.run());
    String ecap = String.join("\n", ecapLines(get("/metrics").body())) + "\n";
    assertThat(ecap).contains("run=\"lint-run\"");

    Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
    promtool.getOutputStream().write(ecap.getBytes(StandardCharsets.UTF_8));
    promtool.getOutputStream().close();
    String report = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(promtool.exitValue()).as("promtool check metrics said:%n%s%non:%n%s", report, ecap).isZero();
    assertThat(report).isBlank();
  }

  @Test
  void aNewPushReplacesTheShardsGroup() throws Exception {
    PushgatewayPublisher publisher = new PushgatewayPublisher(url + "/");
    publisher.push(new SampleShards(dir).with(ShardEnvironment.SUITES, "alpha,beta").with(ShardEnvironment.RUN_ID, "again").run());
    publisher.push(new SampleShards(dir).with(ShardEnvironment.SUITES, "alpha").with(ShardEnvironment.RUN_ID, "again").run());
    List<String> lines = ecapLines(get("/metrics").body()).stream().filter(l -> l.contains("run=\"again\"")).toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("suite=\"alpha\""));
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains("suite=\"beta\""));
  }

  private static List<String> ecapLines(String exposition) {
    return exposition.lines().filter(l -> l.startsWith("ecap_test_") || l.startsWith("# HELP ecap_test_")
        || l.startsWith("# TYPE ecap_test_")).collect(Collectors.toList());
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
