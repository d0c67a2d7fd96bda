package io.ecap.testenv.operator.manifests;

import java.security.SecureRandom;

/** Generated passwords of a run's databases: URL-safe so they can sit in a connection URL. */
public record Credentials(String postgresUser, String postgresPassword, String redisPassword) {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static Credentials generate() {
    return new Credentials("ecap", random(24), random(24));
  }

  /** What `render` prints instead of secrets it has not generated. */
  public static Credentials placeholder() {
    return new Credentials("ecap", "<generated-at-creation>", "<generated-at-creation>");
  }

  private static String random(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
