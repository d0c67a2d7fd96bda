package io.ecap.platform.streaming.fraud;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customer country and account creation time from PostgreSQL (the API and the data manager write customers there
 * before their orders reach Kafka). Both never change, so they are cached; the cache is bounded by clearing it.
 */
public final class CustomerProfiles {

  /** What the features need of a customer. */
  public record Profile(String country, Instant createdAt) {
  }

  private static final int MAX_CACHED = 100_000;

  private final Map<UUID, Profile> cache = new ConcurrentHashMap<>();

  public Optional<Profile> find(Connection conn, UUID customerId) throws SQLException {
    Profile cached = cache.get(customerId);
    if (cached != null) {
      return Optional.of(cached);
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT country, created_at FROM customers WHERE id = ?")) {
      ps.setObject(1, customerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Profile profile = new Profile(rs.getString(1).trim(), rs.getTimestamp(2).toInstant());
        if (cache.size() >= MAX_CACHED) {
          cache.clear();
        }
        cache.put(customerId, profile);
        return Optional.of(profile);
      }
    }
  }
}
