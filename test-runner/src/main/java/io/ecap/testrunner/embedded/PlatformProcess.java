package io.ecap.testrunner.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded platform as a separate process: started with {@code --embedded --profile P
 * --endpoints-file F}, ready once it prints a line {@code ready}, has written the endpoints file and
 * (when it has an API) answers 200 on {@code /health/ready}. Its output goes to a log file.
 */
final class PlatformProcess implements AutoCloseable {

  static final String READY_LINE = "ready";
  private static final int TAIL_LINES = 30;

  private final Process process;
  private final Path endpointsFile;
  private final CountDownLatch readyLine = new CountDownLatch(1);
  private final Deque<String> tail = new ConcurrentLinkedDeque<>();
  private final Thread pump;

  private PlatformProcess(Process process, Path endpointsFile, Path log, PrintStream out) throws IOException {
    this.process = process;
    this.endpointsFile = endpointsFile;
    this.pump = LogPump.start(process, log, "ecap-platform-log", line -> {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.pollFirst();
      }
      if (readyLine.getCount() > 0) {
        out.println("[platform] " + line);
        if (READY_LINE.equals(line.trim())) {
          readyLine.countDown();
        }
      }
    }, e -> tail.addLast("(log pump stopped: " + e.getMessage() + ")"));
  }

  /** @param environment added to the platform's environment (it inherits the runner's) */
  static PlatformProcess start(List<String> command, String profile, Map<String, String> environment,
      Path endpointsFile, Path log, PrintStream out) throws IOException {
    Files.deleteIfExists(endpointsFile);
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("--embedded", "--profile", profile, "--endpoints-file", endpointsFile.toString()));
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new PlatformProcess(process, endpointsFile, log, out);
  }

  /**
   * Waits until the platform is ready, and returns its endpoints.
   *
   * @throws EnvironmentNotReadyException when it exits, or is not ready within {@code timeout}, with the log's tail
   */
  Map<String, String> awaitReady(Duration timeout) throws EnvironmentNotReadyException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!readyLine.await(100, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive()) {
        pump.join(2000);
        throw new EnvironmentNotReadyException("the platform exited with code " + process.exitValue()
            + " before it was ready", tail());
      }
      if (System.nanoTime() > deadline) {
        throw new EnvironmentNotReadyException("the platform was not ready within " + timeout.toSeconds()
            + " s (spec.timeouts.environment)", tail());
      }
    }
    Map<String, String> endpoints;
    try {
      endpoints = EndpointsFile.read(endpointsFile);
    } catch (IOException | IllegalArgumentException e) {
      throw new EnvironmentNotReadyException("the platform said ready but its endpoints file " + endpointsFile
          + " cannot be read: " + e.getMessage(), tail());
    }
    String api = endpoints.get("ECAP_API_URL");
    if (api != null) {
      awaitHealthReady(URI.create(api.replaceAll("/+$", "") + "/health/ready"), deadline, timeout);
    }
    return endpoints;
  }

  private void awaitHealthReady(URI uri, long deadline, Duration timeout)
      throws EnvironmentNotReadyException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new EnvironmentNotReadyException("the platform exited with code " + process.exitValue()
            + " while its health was checked", tail());
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new EnvironmentNotReadyException(uri + " did not answer 200 within " + timeout.toSeconds()
        + " s (spec.timeouts.environment); last: " + last, tail());
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    ProcessTree.stop(process, Duration.ofSeconds(15));
  }

  private String tail() {
    return String.join("\n", tail);
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 199) + "…" : text;
  }

  /** The environment did not become ready; carries the last lines the platform printed. */
  static final class EnvironmentNotReadyException extends Exception {
    private final String logTail;

    EnvironmentNotReadyException(String message, String logTail) {
      super(message);
      this.logTail = logTail;
    }

    String logTail() {
      return logTail;
    }
  }
}
