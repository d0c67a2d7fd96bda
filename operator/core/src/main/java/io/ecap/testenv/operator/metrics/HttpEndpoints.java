package io.ecap.testenv.operator.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * /metrics (Prometheus text), /healthz (the process and its informers are alive) and /readyz
 * (the operator has started: a standby replica waiting for the leader lease is live, not ready).
 */
public final class HttpEndpoints implements AutoCloseable {

  private final HttpServer server;

  public HttpEndpoints(int port, PrometheusMeterRegistry registry, Operator operator) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.createContext("/healthz", exchange -> probe(exchange,
        () -> !operator.getRuntimeInfo().isStarted() || operator.getRuntimeInfo().allEventSourcesAreHealthy()));
    server.createContext("/readyz", exchange -> probe(exchange,
        () -> operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy()));
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void probe(HttpExchange exchange, BooleanSupplier healthy) throws IOException {
    boolean ok = healthy.getAsBoolean();
    respond(exchange, ok ? 200 : 503, "text/plain", ok ? "ok\n" : "not ready\n");
  }

  private static void respond(HttpExchange exchange, int code, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
