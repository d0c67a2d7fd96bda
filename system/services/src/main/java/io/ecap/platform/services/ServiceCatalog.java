package io.ecap.platform.services;

import io.ecap.platform.services.api.ApiService;
import io.ecap.platform.services.config.PlatformEndpoints;
import io.ecap.platform.services.streaming.StreamingServiceHost;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The services this jar can run, by the name used in {@code --service NAME} and in the operator's spec. */
public final class ServiceCatalog {

  /** Starts a service against the given infrastructure, listening on host:port (0 picks a free port). */
  @FunctionalInterface
  public interface Factory {
    PlatformService start(PlatformEndpoints endpoints, String host, int port) throws Exception;
  }

  private static final Map<String, Factory> SERVICES = new LinkedHashMap<>();

  static {
    SERVICES.put("api", ApiService::start);
    SERVICES.put("streaming", StreamingServiceHost::streaming);
    SERVICES.put("fraud", StreamingServiceHost::fraud);
    SERVICES.put("notifications", StreamingServiceHost::notifications);
  }

  private ServiceCatalog() {
  }

  public static Set<String> names() {
    return SERVICES.keySet();
  }

  public static Factory factory(String name) {
    Factory f = SERVICES.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown service '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return f;
  }
}
