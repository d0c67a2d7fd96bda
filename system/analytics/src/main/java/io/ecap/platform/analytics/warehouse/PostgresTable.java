package io.ecap.platform.analytics.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A PostgreSQL table that a job owns and replaces wholesale: DELETE and batched INSERTs in one transaction, so the
 * API reads the previous result until the new one commits. Rows stream from the driver (the results are per
 * customer or product, small next to the lake). Columns are {@code name} or {@code name:sqltype} (a cast, e.g. uuid).
 */
public final class PostgresTable {

  private final String table;
  private final String[] names;
  private final String[] casts;

  public PostgresTable(String table, String... columns) {
    this.table = table;
    this.names = Arrays.stream(columns).map(c -> c.split(":")[0]).toArray(String[]::new);
    this.casts = Arrays.stream(columns).map(c -> c.contains(":") ? c.split(":")[1] : null).toArray(String[]::new);
  }

  /** Replaces the table's rows with {@code rows} (selected by column name); returns how many were written. */
  public long replace(JdbcTarget target, Dataset<Row> rows) throws SQLException {
    String placeholders = Arrays.stream(casts).map(c -> c == null ? "?" : "CAST(? AS " + c + ")")
        .collect(Collectors.joining(", "));
    String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + placeholders + ")";
    Dataset<Row> selected = rows.selectExpr(names);
    long written = 0;
    try (Connection conn = target.connect()) {
      conn.setAutoCommit(false);
      try (Statement delete = conn.createStatement(); PreparedStatement ps = conn.prepareStatement(insert)) {
        delete.executeUpdate("DELETE FROM " + table);
        Iterator<Row> it = selected.toLocalIterator();
        while (it.hasNext()) {
          Row row = it.next();
          for (int i = 0; i < names.length; i++) {
            ps.setObject(i + 1, row.isNullAt(i) ? null : row.get(i));
          }
          ps.addBatch();
          if (++written % 1_000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      }
    }
    return written;
  }
}
