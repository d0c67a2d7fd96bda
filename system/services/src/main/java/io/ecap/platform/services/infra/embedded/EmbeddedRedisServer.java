package io.ecap.platform.services.infra.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real redis-server process (the binary bundled by embedded-redis) on a free loopback port; can be stopped and restarted. */
public final class EmbeddedRedisServer implements AutoCloseable {

  private final int port;
  private RedisServer server;

  private EmbeddedRedisServer(int port) {
    this.port = port;
  }

  public static EmbeddedRedisServer start() throws IOException {
    EmbeddedRedisServer redis = new EmbeddedRedisServer(freePort());
    redis.startServer();
    return redis;
  }

  /** (Re)starts the server on the same port, e.g. after {@link #stopServer()} in an outage test. */
  public synchronized void startServer() throws IOException {
    server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").setting("appendonly no").build();
    server.start();
  }

  public synchronized void stopServer() throws IOException {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    stopServer();
  }
}
