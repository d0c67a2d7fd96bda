package io.ecap.platform.core.generator;

import java.util.Locale;

/**
 * How much data to generate. {@code small} loads in about a second and is what the embedded platform seeds;
 * {@code medium} and {@code large} are for longer runs on bigger machines.
 *
 * @param days length of the order history window
 * @param abandonedSessionsPerOrder browsing sessions that end without a purchase, per order
 * @param fraudShare share of orders that are labelled fraud (exact, by construction)
 */
public record DatasetProfile(String name, int customers, int products, int orders, int days,
                             double abandonedSessionsPerOrder, double fraudShare) {

  public static final DatasetProfile SMALL = new DatasetProfile("small", 1_000, 300, 5_000, 60, 1.5, 0.02);
  public static final DatasetProfile MEDIUM = new DatasetProfile("medium", 20_000, 2_000, 100_000, 180, 1.5, 0.02);
  public static final DatasetProfile LARGE = new DatasetProfile("large", 200_000, 10_000, 1_000_000, 365, 1.5, 0.02);

  public DatasetProfile {
    if (customers < 1 || products < 1 || orders < 0 || days < 1) {
      throw new IllegalArgumentException("a profile needs customers, products and days >= 1 and orders >= 0");
    }
    if (fraudShare < 0 || fraudShare > 1 || abandonedSessionsPerOrder < 0) {
      throw new IllegalArgumentException("fraudShare must be in [0, 1] and abandonedSessionsPerOrder >= 0");
    }
  }

  /** small, medium or large (case-insensitive). */
  public static DatasetProfile named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "small" -> SMALL;
      case "medium" -> MEDIUM;
      case "large" -> LARGE;
      default -> throw new IllegalArgumentException("unknown profile '" + name + "' (expected small, medium or large)");
    };
  }

  /** A custom size, e.g. a suite's own small dataset. */
  public static DatasetProfile of(int customers, int products, int orders) {
    return new DatasetProfile("custom", customers, products, orders, 30, 1.5, 0.02);
  }

  public DatasetProfile withFraudShare(double share) {
    return new DatasetProfile(name, customers, products, orders, days, abandonedSessionsPerOrder, share);
  }
}
