package io.ecap.platform.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.platform.core.generator.sinks.JsonLinesDatasetWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The landing files the batch ingestion reads are the ones the dataset writer writes, and the ones the platform's
 * scratch-lake upload route accepts (it lists {@link JsonLinesDatasetWriter#SOURCES}: the services do not link this
 * module).
 */
class BronzeSourceTest {

  @Test
  void everyBronzeSourceIsALandingSourceOfTheDatasetWriter() {
    assertThat(Arrays.stream(BronzeSource.values()).map(BronzeSource::landingFile))
        .containsExactlyInAnyOrderElementsOf(JsonLinesDatasetWriter.SOURCES.stream().map(s -> s + ".jsonl").toList());
  }
}
