package io.ecap.platform.services.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ecap.platform.core.orders.PlaceOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

  private static final String C = UUID.randomUUID().toString();
  private static final String P = UUID.randomUUID().toString();

  private static List<String> fields(Runnable r) {
    ProblemException e = catchThrowableOfType(ProblemException.class, r::run);
    assertThat(e.status()).isEqualTo(400);
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void aValidOrderMapsToTheCommand() {
    PlaceOrder cmd = RequestValidation.order(new OrderRequest(C, List.of(new OrderRequest.Line(P, 2)), "DE",
        new OrderRequest.Payment("card-12345678", "AT")));
    assertThat(cmd.customerId()).isEqualTo(UUID.fromString(C));
    assertThat(cmd.items()).containsExactly(new PlaceOrder.Line(UUID.fromString(P), 2));
    assertThat(cmd.billingCountry()).isEqualTo("AT");
  }

  @Test
  void everyBadFieldIsNamed() {
    assertThat(fields(() -> RequestValidation.order(new OrderRequest(null, null, null, null))))
        .containsExactly("customerId", "items", "shippingCountry", "payment");
    assertThat(fields(() -> RequestValidation.order(new OrderRequest("x", List.of(new OrderRequest.Line(P, 0),
        new OrderRequest.Line(P, 2000)), "ZZ", new OrderRequest.Payment("short", "de")))))
        .containsExactly("customerId", "items[0].quantity", "items[1].productId", "items[1].quantity", "shippingCountry",
            "payment.cardFingerprint", "payment.billingCountry");
    assertThat(fields(() -> RequestValidation.customer(new CustomerRequest("no-at", " ", "GERMANY"), Instant.now())))
        .containsExactly("email", "name", "country");
    assertThat(fields(() -> RequestValidation.product(new ProductRequest("bad sku!", "n", "c", 0L, "eur", null), Instant.now())))
        .containsExactly("sku", "priceCents", "currency");
  }

  @Test
  void productsAreActiveUnlessSaidOtherwise() {
    assertThat(RequestValidation.product(new ProductRequest("S-1", "n", "c", 10L, "EUR", null), Instant.EPOCH).active()).isTrue();
    assertThat(RequestValidation.product(new ProductRequest("S-1", "n", "c", 10L, "EUR", false), Instant.EPOCH).active()).isFalse();
  }
}
