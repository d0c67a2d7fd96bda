package io.ecap.platform.services.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecap.platform.core.sparkjobs.SparkJobCatalog;
import io.ecap.platform.services.jobs.JobRunDocument;
import io.ecap.platform.services.jobs.JobState;
import io.ecap.platform.services.jobs.ScratchLakes;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What /openapi.json says about the Spark job routes is what the code accepts and answers. */
class SparkJobsOpenApiTest {

  private static JsonNode document() throws Exception {
    try (InputStream in = SparkJobsOpenApiTest.class.getResourceAsStream("/openapi.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void theDocumentedJobsSourcesAndLakeNamesAreTheCodes() throws Exception {
    JsonNode schemas = document().path("components").path("schemas");
    assertThat(texts(schemas.path("SparkJobRequest").path("properties").path("job").path("enum")))
        .containsExactlyInAnyOrderElementsOf(SparkJobCatalog.MAIN_CLASSES.keySet());
    JsonNode put = document().path("paths").path("/api/v1/admin/lakes/{lake}/landing/{source}").path("put");
    assertThat(texts(put.path("parameters").get(1).path("schema").path("enum")))
        .containsExactlyElementsOf(ScratchLakes.SOURCES);
    assertThat(put.path("parameters").get(0).path("schema").path("pattern").asText())
        .isEqualTo("^" + ScratchLakes.NAME.pattern() + "$");
  }

  @Test
  void theDocumentedRunIsTheJobRunDocument() throws Exception {
    JsonNode run = document().path("components").path("schemas").path("SparkJobRun");
    List<String> properties = new ArrayList<>();
    run.path("properties").fieldNames().forEachRemaining(properties::add);
    assertThat(properties).containsExactlyElementsOf(Arrays.stream(JobRunDocument.class.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName).toList());
    assertThat(texts(run.path("properties").path("state").path("enum")))
        .containsExactlyElementsOf(Arrays.stream(JobState.values()).map(Enum::name).toList());
  }
}
