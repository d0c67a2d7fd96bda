package io.ecap.testrunner.suites.wire;

import io.ecap.testrunner.suites.Endpoints;
import io.ecap.testrunner.suites.PlatformHttp;
import io.ecap.testrunner.suites.api.ExercisedRoutes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The platform's service test hooks (on with --embedded or ECAP_FAULT_INJECTION=true): restart a service's
 * consumers in place, register a webhook receiver with the notifications service. Each call goes to the named
 * service's own URL (ECAP_SERVICE_&lt;NAME&gt;_URL), which serves the same /admin routes in a cluster and embedded.
 */
public final class ServiceAdmin {

  private final Endpoints endpoints;

  public ServiceAdmin(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** Restarts the service's consumers and answers how many restarts it has had. */
  public int restart(String service) {
    PlatformHttp.Response r = http(service).postJson("/admin/services/" + service + "/restart", "");
    if (r.status() != 200) {
      throw new AssertionError("restart of " + service + " refused: " + r);
    }
    return r.json().get("restarts").asInt();
  }

  /**
   * Stops the platform's broker for {@code down} and starts it again; empty when the platform cannot (its broker
   * does not run in the answering process: only the --embedded platform can), with the platform's reason.
   */
  public java.util.Optional<String> restartBroker(Duration down) {
    PlatformHttp api = new PlatformHttp(endpoints.api(), Duration.ofSeconds(120)).observed(ExercisedRoutes::record);
    PlatformHttp.Response r = api.postJson("/admin/kafka/restart?downMillis=" + down.toMillis(), "");
    if (r.status() == 404) {
      return java.util.Optional.of(r.json().path("detail").asText());
    }
    if (r.status() != 200) {
      throw new AssertionError("broker restart failed: " + r);
    }
    return java.util.Optional.empty();
  }

  /** Registers {@code url} with the notifications service (which restarts to deliver there too). */
  public void registerWebhook(URI url) {
    PlatformHttp.Response r = http("notifications").postJson("/admin/notifications/webhooks",
        "{\"url\":\"" + url + "\"}");
    if (r.status() != 201 && r.status() != 200) {
      throw new AssertionError("the notifications service did not register " + url + ": " + r);
    }
  }

  public void removeWebhook(URI url) {
    PlatformHttp.Response r = http("notifications").delete("/admin/notifications/webhooks?url="
        + URLEncoder.encode(url.toString(), StandardCharsets.UTF_8));
    if (r.status() != 200) {
      throw new AssertionError("the notifications service did not remove " + url + ": " + r);
    }
  }

  /** The service's own URL; the service must be deployed. */
  public URI serviceUrl(String service) {
    return endpoints.service(service).orElseThrow(() -> new IllegalStateException(
        Endpoints.serviceVariable(service) + " is not set"));
  }

  private PlatformHttp http(String service) {
    return new PlatformHttp(serviceUrl(service), Duration.ofSeconds(60)).observed(ExercisedRoutes::record);
  }
}
