package io.ecap.platform.services.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on a loopback port in front of one dependency. While it is {@linkplain #cut() cut}, open
 * connections are reset and new ones are accepted and reset at once, as if the dependency had gone away;
 * {@link #restore()} lets connections through again. The service under test connects to {@link #port()}.
 */
public final class FaultProxy implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  private final String name;
  private final String targetHost;
  private final int targetPort;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;
  private volatile boolean cut;
  private volatile boolean closed;

  private FaultProxy(String name, String targetHost, int targetPort, ServerSocket server) {
    this.name = name;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = server;
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "ecap-fault-proxy-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /** Listens on a free loopback port and forwards every connection to {@code targetHost:targetPort}. */
  public static FaultProxy start(String name, String targetHost, int targetPort) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    FaultProxy proxy = new FaultProxy(name, targetHost, targetPort, server);
    proxy.threads.execute(proxy::acceptLoop);
    return proxy;
  }

  public String name() {
    return name;
  }

  public int port() {
    return server.getLocalPort();
  }

  public boolean isCut() {
    return cut;
  }

  /** Resets every open connection and refuses new ones until {@link #restore()}. */
  public void cut() {
    cut = true;
    open.forEach(FaultProxy::reset);
    open.clear();
    LOG.warn("fault injected: {} cut off", name);
  }

  public void restore() {
    cut = false;
    LOG.warn("fault removed: {} reachable again", name);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("fault proxy {} stopped accepting: {}", name, e.toString());
        }
        return;
      }
      if (cut) {
        reset(client);
        continue;
      }
      threads.execute(() -> connect(client));
    }
  }

  private void connect(Socket client) {
    Socket upstream = new Socket();
    try {
      upstream.connect(new InetSocketAddress(targetHost, targetPort), CONNECT_TIMEOUT_MILLIS);
      upstream.setTcpNoDelay(true);
      client.setTcpNoDelay(true);
    } catch (IOException e) {
      reset(client);
      closeQuietly(upstream);
      return;
    }
    open.add(client);
    open.add(upstream);
    if (cut) {
      // cut() ran while this connection was being set up
      open.remove(client);
      open.remove(upstream);
      reset(client);
      reset(upstream);
      return;
    }
    threads.execute(() -> pump(upstream, client));
    pump(client, upstream);
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the other side went away, or the connection was cut
    } finally {
      open.remove(from);
      open.remove(to);
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Closes with an RST, so the peer sees a reset rather than an orderly end of stream. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // already closed
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // nothing to do
    }
    open.forEach(FaultProxy::closeQuietly);
    threads.shutdownNow();
  }
}
