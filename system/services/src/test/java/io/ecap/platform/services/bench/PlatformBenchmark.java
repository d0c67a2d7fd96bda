package io.ecap.platform.services.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The platform benchmark of {@code make bench} (not a test): starts the platform jar with {@code --embedded} as a
 * child process (ready time from process start), then measures API latency under a steady, paced load from a
 * thread pool, beside a bare Javalin endpoint returning a constant in this JVM (the baseline), and health p99.
 */
public final class PlatformBenchmark {

  private static final int THREADS = 4;
  private static final int RATE_PER_SECOND = 300;
  private static final int REQUESTS = 3_000;
  private static final int WARMUP = 1_500;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper mapper = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
      System.err.println("usage: PlatformBenchmark <platform jar> (build it with mvn package first)");
      System.exit(2);
    }
    new PlatformBenchmark().run(Path.of(args[0]));
  }

  private void run(Path jar) throws Exception {
    Path endpoints = Files.createTempDirectory("ecap-bench").resolve("endpoints.env");
    long start = System.nanoTime();
    Process platform = new ProcessBuilder("java", "-jar", jar.toString(), "--embedded", "--endpoints-file", endpoints.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String api = null;
    double readySeconds;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("api ")) {
          api = line.substring(4).trim();
        }
        if (line.equals("ready")) {
          break;
        }
      }
      readySeconds = (System.nanoTime() - start) / 1e9;
      if (api == null) {
        throw new IllegalStateException("the platform exited before it was ready (exit " + platform.waitFor() + ")");
      }
      Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
      drain.setDaemon(true);
      drain.start();

      Javalin bare = Javalin.create(c -> c.showJavalinBanner = false).get("/bare", ctx -> ctx.result("ok")).start("127.0.0.1", 0);
      String bareUrl = "http://127.0.0.1:" + bare.port() + "/bare";
      try {
        measureAll(api, bareUrl, readySeconds);
      } finally {
        bare.stop();
      }
    } finally {
      long stopStart = System.nanoTime();
      platform.destroy();
      boolean stopped = platform.waitFor(30, TimeUnit.SECONDS);
      System.out.printf(Locale.ROOT, "platform shutdown on SIGTERM: %s in %.1f s%n", stopped ? "clean" : "TIMED OUT",
          (System.nanoTime() - stopStart) / 1e9);
      if (!stopped) {
        platform.destroyForcibly();
      }
    }
  }

  private void measureAll(String api, String bareUrl, double readySeconds) throws Exception {
    String customer = post(api + "/api/v1/customers", "{\"email\":\"bench-" + UUID.randomUUID()
        + "@example.com\",\"name\":\"Bench\",\"country\":\"DE\"}").get("id").asText();
    String product = post(api + "/api/v1/products", "{\"sku\":\"BENCH-" + UUID.randomUUID().toString().substring(0, 8)
        + "\",\"name\":\"Bench\",\"category\":\"home\",\"priceCents\":1234,\"currency\":\"EUR\"}").get("id").asText();
    String order = "{\"customerId\":\"" + customer + "\",\"items\":[{\"productId\":\"" + product
        + "\",\"quantity\":1}],\"shippingCountry\":\"DE\",\"payment\":{\"cardFingerprint\":\"card-bench-01\",\"billingCountry\":\"DE\"}}";
    ConcurrentLinkedQueue<String> orderIds = new ConcurrentLinkedQueue<>();

    IntFunction<HttpRequest> bareGet = i -> get(bareUrl);
    IntFunction<HttpRequest> postOrder = i -> HttpRequest.newBuilder(URI.create(api + "/api/v1/orders"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(order)).build();
    IntFunction<HttpRequest> health = i -> get(api + "/health/ready");

    load(bareGet, WARMUP, null);
    load(postOrder, WARMUP, null);
    load(health, WARMUP, null);
    double[] posts = load(postOrder, REQUESTS, orderIds);
    List<String> ids = new ArrayList<>(orderIds);
    IntFunction<HttpRequest> getOrder = i -> get(api + "/api/v1/orders/" + ids.get(i % ids.size()));
    load(getOrder, WARMUP, null);
    double[] gets = load(getOrder, REQUESTS, null);
    double[] healths = load(health, REQUESTS, null);
    // The baseline runs last, when the client side is as warm as it was for the API scenarios.
    double[] baseline = load(bareGet, REQUESTS, null);

    System.out.println();
    System.out.printf(Locale.ROOT, "ECAP platform benchmark: %d requests per scenario at %d req/s from %d threads%n",
        REQUESTS, RATE_PER_SECOND, THREADS);
    System.out.println("scenario                           p50 ms   p95 ms   p99 ms");
    row("bare Javalin GET (baseline)", baseline);
    row("API GET /api/v1/orders/{id}", gets);
    row("API POST /api/v1/orders", posts);
    row("GET /health/ready", healths);
    double base95 = percentile(baseline, 95);
    System.out.printf(Locale.ROOT, "API GET p95 = %.1fx baseline, POST p95 = %.1fx baseline (target within 5x and under 20 ms)%n",
        percentile(gets, 95) / base95, percentile(posts, 95) / base95);
    System.out.printf(Locale.ROOT, "health p99 = %.2f ms (target under 2 ms)%n", percentile(healths, 99));
    System.out.printf(Locale.ROOT, "embedded environment ready in %.1f s from process start (target under 15 s)%n", readySeconds);
  }

  private static void row(String name, double[] ms) {
    System.out.printf(Locale.ROOT, "%-33s %7.2f  %7.2f  %7.2f%n", name, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99));
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  private JsonNode post(String url, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return mapper.readTree(r.body());
  }

  /**
   * Sends {@code count} requests paced at RATE_PER_SECOND from a pool of THREADS (open-loop pacing: each request
   * has its own start slot, so a slow answer does not lower the offered load). Fails on any non-2xx answer.
   */
  private double[] load(IntFunction<HttpRequest> requests, int count, ConcurrentLinkedQueue<String> ids) throws Exception {
    double[] latencies = new double[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long intervalNanos = 1_000_000_000L / RATE_PER_SECOND;
    long t0 = System.nanoTime() + 5_000_000;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    for (int t = 0; t < THREADS; t++) {
      pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < count; ) {
          long slot = t0 + i * intervalNanos;
          long wait = slot - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          long s = System.nanoTime();
          HttpResponse<String> r = http.send(requests.apply(i), HttpResponse.BodyHandlers.ofString());
          latencies[i] = (System.nanoTime() - s) / 1e6;
          if (r.statusCode() / 100 != 2) {
            failures.incrementAndGet();
          } else if (ids != null) {
            ids.add(mapper.readTree(r.body()).get("id").asText());
          }
        }
        return null;
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("load did not finish in 5 minutes");
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " of " + count + " requests failed");
    }
    return latencies;
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }
}
