package io.ecap.platform.services.admin;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Webhook URLs registered at run time through POST /admin/notifications/webhooks (a test's receiver), added to
 * ECAP_NOTIFY_WEBHOOKS when the notifications service of this process (re)starts.
 */
public final class WebhookRegistrations {

  private static final Set<URI> REGISTERED = new CopyOnWriteArraySet<>();

  private WebhookRegistrations() {
  }

  /** @return whether it was new */
  public static boolean add(URI url) {
    return REGISTERED.add(url);
  }

  /** @return whether it was registered */
  public static boolean remove(URI url) {
    return REGISTERED.remove(url);
  }

  public static List<URI> all() {
    return List.copyOf(REGISTERED);
  }
}
