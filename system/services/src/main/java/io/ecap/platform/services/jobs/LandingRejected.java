package io.ecap.platform.services.jobs;

/** An upload or lake name the scratch lakes refuse: which request field, and why (status 400, or 413 when too large). */
public final class LandingRejected extends RuntimeException {

  private final String field;
  private final int status;

  LandingRejected(String field, String message, int status) {
    super(message);
    this.field = field;
    this.status = status;
  }

  static LandingRejected invalid(String field, String message) {
    return new LandingRejected(field, message, 400);
  }

  public String field() {
    return field;
  }

  public int status() {
    return status;
  }
}
