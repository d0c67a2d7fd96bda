package io.ecap.testrunner.suites.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ExercisedRoutesTest {

  @Test
  void aTemplateMatchesOneSegmentPerParameterAndTheMethod() {
    Predicate<String> order = ExercisedRoutes.matcher("GET /api/v1/orders/{orderId}");
    assertThat(order).accepts("GET /api/v1/orders/5f0c", "GET /api/v1/orders/not-a-uuid")
        .rejects("POST /api/v1/orders/5f0c", "GET /api/v1/orders/5f0c/fraud-decision", "GET /api/v1/orders",
            "GET /api/v1/orders/");
    assertThat(ExercisedRoutes.matcher("DELETE /admin/faults/{dependency}"))
        .accepts("DELETE /admin/faults/redis").rejects("DELETE /admin/faults", "POST /admin/faults/redis");
    assertThat(ExercisedRoutes.matcher("GET /api/v1/products")).accepts("GET /api/v1/products")
        .rejects("GET /api/v1/products/x", "GET /api/v1/productsx");
  }

  @Test
  void everyClaimInTheSuitesNamesAMethodAndAPath() {
    assertThat(TestOpenApiCoverage.claimed()).isNotEmpty()
        .allMatch(c -> c.matches("(GET|POST|PUT|PATCH|DELETE) /[A-Za-z0-9/{}._-]*"), "METHOD /path");
  }
}
