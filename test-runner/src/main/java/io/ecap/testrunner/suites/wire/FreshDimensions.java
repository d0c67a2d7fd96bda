package io.ecap.testrunner.suites.wire;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Aggregate dimensions that belong to one test: a currency code no aggregate row has yet, so exact values are
 * this test's alone while other shards publish into the same windows.
 */
public final class FreshDimensions {

  private FreshDimensions() {
  }

  public static String currency(PlatformDb db) {
    for (int attempt = 0; attempt < 50; attempt++) {
      StringBuilder code = new StringBuilder(3);
      for (int i = 0; i < 3; i++) {
        code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
      }
      if (db.rowsOfDimension(code.toString()) == 0) {
        return code.toString();
      }
    }
    throw new IllegalStateException("no unused currency code found in 50 attempts");
  }

  public static String product() {
    return UUID.randomUUID().toString();
  }
}
