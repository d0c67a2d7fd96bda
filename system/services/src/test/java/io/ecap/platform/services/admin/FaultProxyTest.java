package io.ecap.platform.services.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy forwards bytes both ways, resets connections when cut, refuses new ones, and recovers. */
class FaultProxyTest {

  private ServerSocket echo;
  private Thread echoThread;
  private FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    echoThread = new Thread(() -> {
      while (!echo.isClosed()) {
        try {
          Socket s = echo.accept();
          Thread t = new Thread(() -> {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
              in.transferTo(out);
            } catch (IOException e) {
              // peer reset
            }
          });
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    echoThread.setDaemon(true);
    echoThread.start();
    proxy = FaultProxy.start("echo", "127.0.0.1", echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  private static String roundTrip(Socket socket, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    byte[] back = new byte[bytes.length];
    new DataInputStream(socket.getInputStream()).readFully(back);
    return new String(back, StandardCharsets.UTF_8);
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  @Test
  void forwardsBothWays() throws IOException {
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "ping")).isEqualTo("ping");
      assertThat(roundTrip(socket, "x".repeat(100_000))).hasSize(100_000);
    }
  }

  @Test
  void cutResetsOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
    Socket open = connect();
    assertThat(roundTrip(open, "before")).isEqualTo("before");

    proxy.cut();
    assertThat(proxy.isCut()).isTrue();
    assertThatThrownBy(() -> roundTrip(open, "during")).isInstanceOf(IOException.class);
    try (Socket refused = connect()) {
      assertThatThrownBy(() -> roundTrip(refused, "during")).isInstanceOf(IOException.class);
    }

    proxy.restore();
    try (Socket again = connect()) {
      assertThat(roundTrip(again, "after")).isEqualTo("after");
    }
    open.close();
  }

  @Test
  void anUnreachableTargetResetsTheClient() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (FaultProxy nowhere = FaultProxy.start("nowhere", "127.0.0.1", closedPort);
         Socket socket = new Socket(InetAddress.getLoopbackAddress(), nowhere.port())) {
      socket.setSoTimeout(5_000);
      assertThatThrownBy(() -> roundTrip(socket, "hello")).isInstanceOf(IOException.class);
    }
  }
}
