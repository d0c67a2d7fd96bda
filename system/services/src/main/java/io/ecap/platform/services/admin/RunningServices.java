package io.ecap.platform.services.admin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The restartable services of this process, by name, for POST /admin/services/{name}/restart. In --embedded mode
 * every service runs here; with --service NAME only that one.
 */
public final class RunningServices {

  /** A service whose consumers can be closed and started again in place. */
  public interface Restartable {
    /** Closes the service (its consumers commit what they processed) and starts a new one with fresh settings. */
    void restart();

    /** How many times it was restarted. */
    int restarts();
  }

  private static final Map<String, Restartable> SERVICES = new ConcurrentHashMap<>();

  private RunningServices() {
  }

  public static void register(String name, Restartable service) {
    SERVICES.put(name, service);
  }

  public static void unregister(String name, Restartable service) {
    SERVICES.remove(name, service);
  }

  public static Optional<Restartable> find(String name) {
    return Optional.ofNullable(SERVICES.get(name));
  }

  public static Set<String> names() {
    return new TreeSet<>(SERVICES.keySet());
  }
}
