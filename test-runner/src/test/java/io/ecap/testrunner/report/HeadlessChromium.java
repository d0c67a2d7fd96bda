package io.ecap.testrunner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the DevTools protocol with the JDK's WebSocket client: load
 * a page, collect console errors and uncaught exceptions, evaluate expressions, take a screenshot.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> consoleProblems = new CopyOnWriteArrayList<>();
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  private HeadlessChromium(Process process, Path profile, URI page) {
    this.process = process;
    this.profile = profile;
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(page, new Listener()).join();
  }

  static HeadlessChromium start() throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("ecap-chromium-");
    Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*",
        "--user-data-dir=" + profile, "--window-size=1280,1000", "about:blank").redirectErrorStream(true).start();
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> browser = new CompletableFuture<>();
    Thread drain = new Thread(() -> {
      try {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          int at = line.indexOf("ws://");
          if (line.contains("DevTools listening on") && at >= 0) {
            browser.complete(line.substring(at).trim());
          }
        }
      } catch (IOException e) {
        browser.completeExceptionally(e);
      }
      browser.completeExceptionally(new IllegalStateException("chromium exited before its DevTools endpoint was up"));
    }, "chromium-output");
    drain.setDaemon(true);
    drain.start();
    URI browserUri;
    try {
      browserUri = URI.create(browser.get(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not start: " + e.getMessage(), e);
    }
    HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://" + browserUri.getAuthority() + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
    URI page = null;
    for (JsonNode target : JSON.readTree(targets.body())) {
      if ("page".equals(target.path("type").asText())) {
        page = URI.create(target.path("webSocketDebuggerUrl").asText());
        break;
      }
    }
    if (page == null) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium has no page target: " + targets.body());
    }
    return new HeadlessChromium(process, profile, page);
  }

  /** Loads {@code url} and waits for its load event. */
  void load(String url) throws Exception {
    send("Page.enable", null);
    send("Runtime.enable", null);
    send("Log.enable", null);
    loaded = new CompletableFuture<>();
    ObjectNode params = JSON.createObjectNode().put("url", url);
    JsonNode navigated = send("Page.navigate", params);
    if (navigated.has("errorText")) {
      throw new IllegalStateException("navigation to " + url + " failed: " + navigated.get("errorText").asText());
    }
    loaded.get(30, TimeUnit.SECONDS);
  }

  /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(expression + " threw " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** A PNG of the whole page, at 1280 px wide. */
  byte[] screenshot() throws Exception {
    int height = evaluate("Math.ceil(document.documentElement.scrollHeight)").asInt();
    send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", 1280).put("height", Math.max(height, 200))
        .put("deviceScaleFactor", 1).put("mobile", false));
    JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
    return Base64.getDecoder().decode(shot.path("data").asText());
  }

  /** Console errors and warnings, uncaught exceptions and browser log errors seen so far. */
  List<String> consoleProblems() {
    return List.copyOf(consoleProblems);
  }

  private JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode response = answer.get(30, TimeUnit.SECONDS);
    if (response.has("error")) {
      throw new IllegalStateException(method + " failed: " + response.get("error"));
    }
    return response.path("result");
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the browser goes anyway
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        handle(text);
      }
      webSocket.request(1);
      return null;
    }

    private void handle(String text) {
      try {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
          CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
          if (answer != null) {
            answer.complete(message);
          }
          return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
          case "Page.loadEventFired" -> loaded.complete(null);
          case "Runtime.consoleAPICalled" -> {
            String type = params.path("type").asText();
            if (List.of("error", "assert", "warning").contains(type)) {
              consoleProblems.add("console." + type + ": " + params.path("args"));
            }
          }
          case "Runtime.exceptionThrown" -> consoleProblems.add("uncaught: " + params.path("exceptionDetails"));
          case "Log.entryAdded" -> {
            if ("error".equals(params.path("entry").path("level").asText())) {
              consoleProblems.add("log error: " + params.path("entry").path("text").asText());
            }
          }
          default -> { }
        }
      } catch (IOException e) {
        consoleProblems.add("unreadable DevTools message: " + e.getMessage());
      }
    }
  }
}
