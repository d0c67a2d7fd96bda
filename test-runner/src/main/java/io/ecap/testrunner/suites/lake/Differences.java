package io.ecap.testrunner.suites.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Asserts that a job's table and its oracle hold the same rows, showing a few rows of each difference. */
public final class Differences {

  private static final int SHOWN = 5;

  private Differences() {
  }

  /** Equal as sets (EXCEPT both ways is empty) and non-empty: a job that wrote nothing does not pass. */
  public static void assertSameRows(AnalyticsDb db, String what, String table, String oracle) {
    long rows = db.count("SELECT count(*) FROM (" + table + ") t");
    long expected = db.count("SELECT count(*) FROM (" + oracle + ") o");
    assertThat(expected).as("%s: rows the oracle computes from the seeded orders", what).isPositive();
    List<List<Object>> missing = db.except(oracle, table, SHOWN);
    List<List<Object>> unexpected = db.except(table, oracle, SHOWN);
    assertThat(missing).as("%s: rows the oracle has and the job's table lacks (of %d expected, table has %d)", what,
        expected, rows).isEmpty();
    assertThat(unexpected).as("%s: rows in the job's table the oracle does not compute", what).isEmpty();
    assertThat(rows).as("%s: row count", what).isEqualTo(expected);
  }
}
