package io.ecap.platform.analytics.lake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Identifies one ingestion run; sorts by time (the drift rule finds "the latest load" by max). */
public final class LoadId {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private LoadId() {
  }

  public static String next() {
    return FORMAT.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
