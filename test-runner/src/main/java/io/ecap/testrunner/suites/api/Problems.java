package io.ecap.testrunner.suites.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecap.testrunner.suites.PlatformHttp;
import java.util.ArrayList;
import java.util.List;

/** Checks of RFC 9457 problem answers. */
public final class Problems {

  private Problems() {
  }

  /** The answer is an {@code application/problem+json} problem of {@code status} naming each of {@code fields}. */
  public static JsonNode assertProblem(PlatformHttp.Response response, int status, String... fields) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.path("status").asInt()).as("status member of %s", response).isEqualTo(status);
    assertThat(problem.path("title").asText()).as("title of %s", response).isNotBlank();
    assertThat(problem.path("type").asText()).as("type of %s", response).isNotBlank();
    assertThat(fieldsOf(problem)).as("fields named by %s", response).contains(fields);
    return problem;
  }

  public static List<String> fieldsOf(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }
}
