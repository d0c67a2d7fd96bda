package io.ecap.testrunner.suites.wire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint the platform can reach: an HTTP server in the runner's process that answers 204 to every
 * POST and keeps what it received. Its host as the platform sees it: ECAP_WEBHOOK_SINK_HOST when set (a cluster
 * may need the pod IP or a Service name), else 127.0.0.1 when the platform runs on this machine (its service
 * URLs are loopback), else this host's address.
 */
public final class WebhookReceiver implements AutoCloseable {

  public static final String HOST_VARIABLE = "ECAP_WEBHOOK_SINK_HOST";

  /** One POST as received. */
  public record Received(String idempotencyKey, String contentType, String body) {
  }

  private final HttpServer server;
  private final URI url;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public WebhookReceiver(URI platformServiceUrl) throws IOException {
    server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "webhook-receiver");
      t.setDaemon(true);
      return t;
    }));
    String path = "/ecap-webhook/" + UUID.randomUUID();
    server.createContext(path, this::handle);
    server.start();
    url = URI.create("http://" + reachableHost(platformServiceUrl) + ":" + server.getAddress().getPort() + path);
  }

  private static String reachableHost(URI platform) throws IOException {
    String configured = System.getenv(HOST_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    InetAddress platformHost = InetAddress.getByName(platform.getHost());
    return platformHost.isLoopbackAddress() ? "127.0.0.1" : InetAddress.getLocalHost().getHostAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
          exchange.getRequestHeaders().getFirst("Content-Type"), body));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  public URI url() {
    return url;
  }

  /** The POSTs whose body mentions {@code text} (an order id). */
  public List<Received> about(String text) {
    return received.stream().filter(r -> r.body().contains(text)).toList();
  }

  public Optional<Received> first(String text) {
    return about(text).stream().findFirst();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
