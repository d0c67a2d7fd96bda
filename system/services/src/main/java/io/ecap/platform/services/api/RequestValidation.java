package io.ecap.platform.services.api;

import io.ecap.platform.core.domain.Countries;
import io.ecap.platform.core.domain.Customer;
import io.ecap.platform.core.domain.Product;
import io.ecap.platform.core.orders.PlaceOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks request bodies field by field and maps them to domain commands; reports every bad field at once. */
public final class RequestValidation {

  public static final int MAX_LINES = 100;
  public static final int MAX_QUANTITY = 1_000;
  private static final Pattern FINGERPRINT = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\x00]+@[^@\\s\\x00]+\\.[^@\\s\\x00]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestValidation() {
  }

  public static PlaceOrder order(OrderRequest r) {
    List<FieldError> errors = new ArrayList<>();
    UUID customer = uuid(r.customerId(), "customerId", errors);
    List<PlaceOrder.Line> lines = new ArrayList<>();
    if (r.items() == null || r.items().isEmpty()) {
      errors.add(new FieldError("items", "must list at least one item"));
    } else if (r.items().size() > MAX_LINES) {
      errors.add(new FieldError("items", "must list at most " + MAX_LINES + " items"));
    } else {
      Set<UUID> seen = new HashSet<>();
      for (int i = 0; i < r.items().size(); i++) {
        OrderRequest.Line line = r.items().get(i);
        String at = "items[" + i + "]";
        if (line == null) {
          errors.add(new FieldError(at, "must be an object"));
          continue;
        }
        UUID product = uuid(line.productId(), at + ".productId", errors);
        if (product != null && !seen.add(product)) {
          errors.add(new FieldError(at + ".productId", "appears more than once; use quantity instead"));
        }
        if (line.quantity() == null) {
          errors.add(new FieldError(at + ".quantity", "is required"));
        } else if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
          errors.add(new FieldError(at + ".quantity", "must be between 1 and " + MAX_QUANTITY));
        }
        if (product != null && line.quantity() != null) {
          lines.add(new PlaceOrder.Line(product, line.quantity()));
        }
      }
    }
    country(r.shippingCountry(), "shippingCountry", errors);
    if (r.payment() == null) {
      errors.add(new FieldError("payment", "is required"));
    } else {
      if (r.payment().cardFingerprint() == null) {
        errors.add(new FieldError("payment.cardFingerprint", "is required"));
      } else if (!FINGERPRINT.matcher(r.payment().cardFingerprint()).matches()) {
        errors.add(new FieldError("payment.cardFingerprint", "must be 8-64 letters, digits, '-' or '_'"));
      }
      country(r.payment().billingCountry(), "payment.billingCountry", errors);
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new PlaceOrder(customer, lines, r.shippingCountry(), r.payment().cardFingerprint(), r.payment().billingCountry());
  }

  public static Customer customer(CustomerRequest r, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (r.email() == null) {
      errors.add(new FieldError("email", "is required"));
    } else if (r.email().length() > 254 || !EMAIL.matcher(r.email()).matches()) {
      errors.add(new FieldError("email", "must be an e-mail address"));
    }
    text(r.name(), "name", 200, errors);
    country(r.country(), "country", errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new Customer(UUID.randomUUID(), r.email(), r.name(), r.country(), now);
  }

  public static Product product(ProductRequest r, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (r.sku() == null) {
      errors.add(new FieldError("sku", "is required"));
    } else if (!SKU.matcher(r.sku()).matches()) {
      errors.add(new FieldError("sku", "must be 1-64 letters, digits, '.', '-' or '_'"));
    }
    text(r.name(), "name", 200, errors);
    text(r.category(), "category", 64, errors);
    if (r.priceCents() == null) {
      errors.add(new FieldError("priceCents", "is required"));
    } else if (r.priceCents() < 1 || r.priceCents() > 100_000_000L) {
      errors.add(new FieldError("priceCents", "must be between 1 and 100000000"));
    }
    if (r.currency() == null) {
      errors.add(new FieldError("currency", "is required"));
    } else if (!CURRENCY.matcher(r.currency()).matches()) {
      errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new Product(UUID.randomUUID(), r.sku(), r.name(), r.category(), r.priceCents(), r.currency(),
        r.active() == null || r.active(), now);
  }

  private static UUID uuid(String value, String field, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    try {
      UUID id = UUID.fromString(value);
      if (id.toString().equalsIgnoreCase(value)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    errors.add(new FieldError(field, "must be a UUID"));
    return null;
  }

  private static void country(String value, String field, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
    } else if (!Countries.isIsoCode(value)) {
      errors.add(new FieldError(field, "must be an ISO 3166-1 alpha-2 country code such as DE"));
    }
  }

  private static void text(String value, String field, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    } else if (value.indexOf('\0') >= 0) {
      errors.add(new FieldError(field, "must not contain NUL characters"));
    }
  }
}
