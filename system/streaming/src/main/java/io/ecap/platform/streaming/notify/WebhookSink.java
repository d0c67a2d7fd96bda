package io.ecap.platform.streaming.notify;

import io.ecap.platform.core.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP POST of the alert as JSON with an {@code Idempotency-Key} header. 2xx is delivered; 408, 429, 5xx and network
 * errors are worth retrying; any other status means the receiver refuses this request as it is.
 */
public final class WebhookSink implements NotificationSink {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Override
  public Notification.Channel channel() {
    return Notification.Channel.WEBHOOK;
  }

  @Override
  public void deliver(Notification n) throws DeliveryFailure {
    HttpRequest request = HttpRequest.newBuilder(URI.create(n.recipient()))
        .timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", n.idempotencyKey())
        .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.writeBytes(n.alert())))
        .build();
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new DeliveryFailure("webhook " + n.recipient() + " unreachable: " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("interrupted", true, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    throw new DeliveryFailure("webhook " + n.recipient() + " answered " + status, retryable, null);
  }
}
