package io.ecap.platform.services.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecap.platform.core.generator.DatasetProfile;
import io.ecap.platform.core.generator.DatasetSummary;
import io.ecap.platform.core.generator.ECommerceDataGenerator;
import io.ecap.platform.core.generator.sinks.JsonLinesDatasetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLakeTest {

  @TempDir
  Path dir;

  @Test
  void defaultsToALakeDirectoryBesideTheEndpointsFileWithAnEmptyLandingZone() throws IOException {
    Path lake = EmbeddedLake.prepare(null, dir.resolve("report/endpoints.env"));
    assertThat(lake).isEqualTo(dir.resolve("report/lake").toAbsolutePath());
    assertThat(EmbeddedLake.landing(lake)).isDirectory().isEmptyDirectory();
  }

  @Test
  void aLakeItMadeIsEmptiedOnTheNextStartAndTheGeneratedDatasetLandsThere() throws IOException {
    Path lake = EmbeddedLake.prepare(dir.resolve("lake"), dir.resolve("endpoints.env"));
    Files.createDirectories(lake.resolve("silver/orders"));
    Files.writeString(lake.resolve("silver/orders/part-0.parquet"), "old");
    lake = EmbeddedLake.prepare(dir.resolve("lake"), dir.resolve("endpoints.env"));
    assertThat(lake.resolve("silver")).doesNotExist();

    DatasetProfile profile = DatasetProfile.of(50, 20, 120);
    DatasetSummary summary = new ECommerceDataGenerator(7, profile)
        .generate(new JsonLinesDatasetWriter(EmbeddedLake.landing(lake)));
    assertThat(summary.customers()).isGreaterThanOrEqualTo(50);
    assertThat(Files.readAllLines(EmbeddedLake.landing(lake).resolve("customers.jsonl"))).hasSize(summary.customers());
    assertThat(Files.readAllLines(EmbeddedLake.landing(lake).resolve("orders.jsonl"))).hasSize(summary.orders());
    assertThat(Files.readAllLines(EmbeddedLake.landing(lake).resolve("clickstream.jsonl"))).hasSize(summary.clicks());
  }

  @Test
  void refusesToEmptyADirectoryItDidNotMake() throws IOException {
    Path other = Files.createDirectories(dir.resolve("precious"));
    Files.writeString(other.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> EmbeddedLake.prepare(other, dir.resolve("endpoints.env")))
        .isInstanceOf(IOException.class).hasMessageContaining("not empty").hasMessageContaining("--lake-path");
    assertThat(other.resolve("keep.txt")).hasContent("mine");
  }
}
