package io.ecap.platform.services.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the analytics tables the Spark jobs of system/analytics write (migration V20). Each job replaces its table
 * in one transaction, so an empty table means the job has not run yet.
 */
public final class AnalyticsStore {

  private final DataSource dataSource;

  public AnalyticsStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public record Rfm(int recencyDays, int frequency, long monetaryCents, int rScore, int fScore, int mScore,
                    String segment, Instant computedAt) {
  }

  public record Clv(int orders, long avgOrderCents, int tenureDays, int recencyDays, double ordersPerYear,
                    double pActive, long predicted12mCents, String model, Instant computedAt) {
  }

  public record Recommendation(int rank, UUID productId, long coOrders, double confidence, double lift) {
  }

  public record DailyRevenue(LocalDate day, long orders, long customers, long revenueCents, long avgOrderCents) {
  }

  public record Cohort(LocalDate cohortMonth, int monthsSinceFirst, long cohortSize, long activeCustomers,
                       double retention) {
  }

  public record FunnelStep(String step, int stepOrder, long sessions, Double conversionFromPrevious,
                           Double conversionFromStart) {
  }

  /** Rows and the time they were computed (the latest computed_at among them); empty when the table is empty. */
  public record Computed<T>(List<T> rows, Instant computedAt) {
  }

  public Optional<Rfm> rfm(UUID customer) throws SQLException {
    return one("SELECT recency_days, frequency, monetary_cents, r_score, f_score, m_score, segment, computed_at "
        + "FROM analytics_customer_rfm WHERE customer_id = ?", customer, rs -> new Rfm(rs.getInt(1), rs.getInt(2),
        rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7), instant(rs, 8)));
  }

  public Optional<Clv> clv(UUID customer) throws SQLException {
    return one("SELECT orders, avg_order_cents, tenure_days, recency_days, orders_per_year, p_active, "
        + "predicted_12m_cents, model, computed_at FROM analytics_customer_clv WHERE customer_id = ?", customer,
        rs -> new Clv(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getDouble(5), rs.getDouble(6),
            rs.getLong(7), rs.getString(8), instant(rs, 9)));
  }

  public boolean anyRecommendations() throws SQLException {
    return exists("SELECT EXISTS (SELECT 1 FROM analytics_product_recommendations)");
  }

  public boolean productExists(UUID product) throws SQLException {
    return one("SELECT 1 FROM products WHERE id = ?", product, rs -> 1).isPresent();
  }

  public Computed<Recommendation> recommendations(UUID product) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT rank, recommended_product_id, co_orders, confidence, lift, computed_at "
            + "FROM analytics_product_recommendations WHERE product_id = ? ORDER BY rank")) {
      s.setObject(1, product);
      return computed(s, rs -> new Recommendation(rs.getInt(1), rs.getObject(2, UUID.class), rs.getLong(3),
          rs.getDouble(4), rs.getDouble(5)), 6);
    }
  }

  public Computed<DailyRevenue> dailyRevenue(LocalDate from, LocalDate to) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT day, orders, customers, revenue_cents, avg_order_cents, computed_at FROM analytics_daily_revenue "
            + "WHERE day >= ? AND day <= ? ORDER BY day")) {
      s.setObject(1, from);
      s.setObject(2, to);
      return computed(s, rs -> new DailyRevenue(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
          rs.getLong(4), rs.getLong(5)), 6);
    }
  }

  public boolean anyDailyRevenue() throws SQLException {
    return exists("SELECT EXISTS (SELECT 1 FROM analytics_daily_revenue)");
  }

  public Computed<Cohort> cohorts() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT cohort_month, months_since_first, cohort_size, active_customers, retention, computed_at "
            + "FROM analytics_cohort_retention ORDER BY cohort_month, months_since_first")) {
      return computed(s, rs -> new Cohort(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getLong(3), rs.getLong(4),
          rs.getDouble(5)), 6);
    }
  }

  public Computed<FunnelStep> funnel() throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT step, step_order, sessions, conversion_from_previous, conversion_from_start, computed_at "
            + "FROM analytics_funnel ORDER BY step_order")) {
      return computed(s, rs -> new FunnelStep(rs.getString(1), rs.getInt(2), rs.getLong(3),
          rs.getObject(4, Double.class), rs.getObject(5, Double.class)), 6);
    }
  }

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> Optional<T> one(String sql, UUID id, Row<T> row) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
      }
    }
  }

  private boolean exists(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
         ResultSet rs = s.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static <T> Computed<T> computed(PreparedStatement s, Row<T> row, int computedAtColumn) throws SQLException {
    List<T> rows = new ArrayList<>();
    Instant latest = null;
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.add(row.map(rs));
        Instant at = instant(rs, computedAtColumn);
        latest = latest == null || at.isAfter(latest) ? at : latest;
      }
    }
    return new Computed<>(rows, latest);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
