package io.ecap.testrunner.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the embedded platform in the launcher's tests: a real process that takes the same
 * arguments ({@code --embedded --profile P --endpoints-file F}), starts a child process of its own (as
 * the embedded infrastructure does), serves {@code /health/live} and {@code /health/ready} over HTTP,
 * writes the endpoints file and prints {@code ready}. Modes: healthy, broken (ready says 200 while
 * Kafka is DOWN), never-ready, crash.
 */
public final class StandInPlatform {

  private StandInPlatform() {
  }

  public static void main(String[] args) throws Exception {
    String mode = "healthy";
    Path endpoints = null;
    Path pidDir = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--mode=")) {
        mode = args[i].substring("--mode=".length());
      } else if (args[i].startsWith("--pid-dir=")) {
        pidDir = Path.of(args[i].substring("--pid-dir=".length()));
      } else if (args[i].equals("--endpoints-file")) {
        endpoints = Path.of(args[++i]);
      }
    }
    if (!String.join(" ", args).contains("--embedded --profile small")) {
      System.err.println("expected --embedded --profile small in " + String.join(" ", args));
      System.exit(64);
    }
    System.out.println("stand-in platform starting (" + mode + ")");
    if (mode.equals("crash")) {
      System.out.println("boom: cannot bind the broker's port");
      System.exit(7);
    }
    Process child = new ProcessBuilder("sleep", "300").start();
    if (pidDir != null) {
      Files.createDirectories(pidDir);
      Files.writeString(pidDir.resolve("platform.pid"), Long.toString(ProcessHandle.current().pid()));
      Files.writeString(pidDir.resolve("child.pid"), Long.toString(child.pid()));
    }
    if (mode.equals("never-ready")) {
      Thread.sleep(Long.MAX_VALUE);
    }
    boolean broken = mode.equals("broken");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/health/live" -> send(exchange, 200, "application/json", "{\"status\":\"UP\"}");
        case "/health/ready" -> send(exchange, 200, "application/json",
            "{\"status\":\"UP\",\"dependencies\":{\"postgres\":{\"state\":\"UP\",\"latencyMillis\":0.4},"
                + "\"redis\":{\"state\":\"UP\",\"latencyMillis\":0.1},\"kafka\":{\"state\":\"" + (broken ? "DOWN" : "UP")
                + "\",\"latencyMillis\":1.2}}}");
        default -> send(exchange, 404, "application/problem+json",
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route " + path + "\"}");
      }
    });
    server.start();
    String api = "http://127.0.0.1:" + server.getAddress().getPort();
    Path lake = endpoints.toAbsolutePath().getParent().resolve("lake");
    Files.createDirectories(lake.resolve("landing"));
    Files.writeString(endpoints, "# written by the stand-in platform\nECAP_API_URL=" + api + "\nECAP_SERVICE_API_URL=" + api
        + "\nECAP_LAKE_PATH=" + lake + "\n");
    System.out.println("api " + api);
    System.out.println("ready");
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
