package io.ecap.platform.analytics.quality;

/** CRITICAL failures stop silver-to-gold promotion; WARNING failures are reported only. */
public enum Severity {
  CRITICAL, WARNING
}
