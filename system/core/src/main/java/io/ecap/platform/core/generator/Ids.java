package io.ecap.platform.core.generator;

import java.util.SplittableRandom;
import java.util.UUID;

/** Random (version 4 layout) UUIDs from a seeded source, so the same seed gives the same ids. */
final class Ids {

  private final SplittableRandom random;

  Ids(SplittableRandom random) {
    this.random = random;
  }

  UUID next() {
    long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  String cardFingerprint() {
    return String.format("%016x", random.nextLong());
  }
}
