package io.ecap.platform.services.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Landing uploads into scratch lakes: where they go, what they keep, what they refuse (naming the field), atomically. */
class ScratchLakesTest {

  @TempDir
  Path main;

  private static InputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private ScratchLakes lakes() {
    return new ScratchLakes(main);
  }

  @Test
  void anUploadBecomesTheScratchLakesLandingFileWithItsObjectLinesCounted() throws Exception {
    ScratchLakes.Landed landed = lakes().land("defects-1", "orders",
        body("{\"a\":1}\n\n  \r\n{\"b\": [1, 2]}\r\n   {\"c\":\"ü\"}  "));
    Path file = main.resolve("scratch/defects-1/landing/orders.jsonl");
    assertThat(landed).isEqualTo(new ScratchLakes.Landed("defects-1", "orders", 3, file.toString()));
    assertThat(Files.readAllLines(file)).as("blank lines left out, each object on its own line")
        .containsExactly("{\"a\":1}", "{\"b\": [1, 2]}", "{\"c\":\"ü\"}");
    assertThat(lakes().exists("defects-1")).isTrue();
    assertThat(main.resolve("landing")).as("the main lake's landing directory is not touched").doesNotExist();
  }

  @Test
  void aNewUploadOfTheSameSourceReplacesTheEarlierOneAndLeavesNoPartialFile() throws Exception {
    lakes().land("lake-a", "customers", body("{\"id\":\"1\"}\n{\"id\":\"2\"}\n"));
    lakes().land("lake-a", "customers", body("{\"id\":\"3\"}\n"));
    Path landing = main.resolve("scratch/lake-a/landing");
    assertThat(Files.readAllLines(landing.resolve("customers.jsonl"))).containsExactly("{\"id\":\"3\"}");
    assertThat(files(landing)).containsExactly("customers.jsonl");
  }

  @Test
  void aRejectedUploadNamesTheLineAndKeepsTheEarlierFile() throws Exception {
    lakes().land("lake-b", "payments", body("{\"id\":\"kept\"}\n"));
    Path landing = main.resolve("scratch/lake-b/landing");
    for (String bad : List.of("{\"ok\":1}\n\n[1,2]\n", "{\"ok\":1}\n\n\"text\"\n", "{\"ok\":1}\n\n{\"a\":1} {\"b\":2}\n",
        "{\"ok\":1}\n\n{\"broken\":\n", "{\"ok\":1}\n\nnull\n")) {
      assertThatThrownBy(() -> lakes().land("lake-b", "payments", body(bad))).as(bad)
          .isInstanceOfSatisfying(LandingRejected.class, e -> {
            assertThat(e.field()).isEqualTo("body");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).as("the line number counts blank lines too").startsWith("line 3 ");
          });
    }
    assertThat(Files.readAllLines(landing.resolve("payments.jsonl"))).containsExactly("{\"id\":\"kept\"}");
    assertThat(files(landing)).containsExactly("payments.jsonl");
  }

  @Test
  void badLakeNamesSourcesAndEmptyOrNonUtf8BodiesAreRefusedByField() {
    for (String name : new String[] {"", "Upper", "-dash-first", "a_b", "a/b", "..", "x".repeat(41), "main lake"}) {
      assertThatThrownBy(() -> lakes().land(name, "orders", body("{}"))).as(name)
          .isInstanceOfSatisfying(LandingRejected.class, e -> assertThat(e.field()).isEqualTo("lake"));
    }
    assertThat(ScratchLakes.NAME.matcher("x".repeat(40)).matches()).isTrue();
    assertThatThrownBy(() -> lakes().land("ok", "order", body("{}")))
        .isInstanceOfSatisfying(LandingRejected.class, e -> {
          assertThat(e.field()).isEqualTo("source");
          assertThat(e.getMessage()).contains("fraud_labels", "clickstream");
        });
    assertThatThrownBy(() -> lakes().land("ok", "orders", body(" \n\n")))
        .isInstanceOfSatisfying(LandingRejected.class, e -> assertThat(e.field()).isEqualTo("body"));
    assertThatThrownBy(() -> lakes().land("ok", "orders", new ByteArrayInputStream(new byte[] {'{', '"', (byte) 0xC3, '"',
        ':', '1', '}'}))).isInstanceOfSatisfying(LandingRejected.class, e -> {
          assertThat(e.field()).isEqualTo("body");
          assertThat(e.getMessage()).contains("UTF-8");
        });
    assertThat(main.resolve("scratch/ok/landing/orders.jsonl")).doesNotExist();
  }

  @Test
  void aLakeIsDeletedWithEverythingInIt() throws Exception {
    lakes().land("gone", "products", body("{}\n"));
    Files.createDirectories(main.resolve("scratch/gone/bronze/products/_delta_log"));
    assertThat(lakes().delete("gone")).isTrue();
    assertThat(main.resolve("scratch/gone")).doesNotExist();
    assertThat(lakes().delete("gone")).as("already gone").isFalse();
    assertThat(lakes().exists("gone")).isFalse();
  }

  @Test
  void theSourcesAreTheLandingFilesOfTheDatasetWriter() {
    assertThat(ScratchLakes.SOURCES).containsExactlyInAnyOrder("orders", "payments", "clickstream", "customers",
        "products", "fraud_labels");
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
