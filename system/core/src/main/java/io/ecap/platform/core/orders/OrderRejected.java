package io.ecap.platform.core.orders;

/** The order cannot be placed as asked (unknown customer, inactive product...): the caller must change the request. */
public final class OrderRejected extends Exception {

  private final String field;

  public OrderRejected(String field, String message) {
    super(message);
    this.field = field;
  }

  /** JSON pointer-like path of the offending request field, e.g. {@code items[1].productId}. */
  public String field() {
    return field;
  }
}
