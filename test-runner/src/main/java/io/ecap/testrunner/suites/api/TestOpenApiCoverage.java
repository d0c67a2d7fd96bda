package io.ecap.testrunner.suites.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testrunner.suites.PlatformHttp;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Every operation of the live /openapi.json is exercised by some suite test (its {@link Exercises} claim, which
 * {@link ExercisedRoutes} holds to account), so a new route cannot go untested; and no test claims an operation
 * the platform no longer has. Reads the claims from the classes, so it holds whichever shard it runs in.
 */
@ApiSuite
class TestOpenApiCoverage {

  static final String SUITES_PACKAGE = "io.ecap.testrunner.suites";

  private final PlatformHttp http = Shop.recordingClient();

  static Set<String> claimed() {
    Set<String> claimed = new TreeSet<>();
    for (Class<?> type : ReflectionSupport.findAllClassesInPackage(SUITES_PACKAGE, c -> true, n -> true)) {
      for (Method method : type.getDeclaredMethods()) {
        Exercises exercises = method.getAnnotation(Exercises.class);
        if (exercises != null) {
          claimed.addAll(Arrays.asList(exercises.value()));
        }
      }
    }
    return claimed;
  }

  @Test
  @Exercises("GET /openapi.json")
  void everyDocumentedOperationIsExercisedAndEveryClaimIsDocumented() {
    Set<String> documented = OpenApiOperations.of(http.get("/openapi.json").json());
    Set<String> claimed = claimed();
    assertThat(documented).as("operations of /openapi.json").isNotEmpty();
    assertThat(claimed).as("operations exercised by the suites (claimed with @Exercises)")
        .containsAll(documented);
    assertThat(documented).as("claims of operations /openapi.json does not list").containsAll(claimed);
  }
}
