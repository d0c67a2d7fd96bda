package io.ecap.platform.services.infra.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded platform's lake directory: the Spark jobs' {@code ECAP_LAKE_PATH}, with the generated dataset as
 * JSON Lines landing files in {@code <lake>/landing} (what the jobs ingest into bronze). By default it sits beside
 * the endpoints file, so one run's files stay together. Each start begins with an empty lake: a lake left by an
 * earlier start describes a database that no longer exists. Only a directory this class made (it carries a marker
 * file) is emptied; any other non-empty directory is refused.
 */
public final class EmbeddedLake {

  public static final String LAKE_PATH = "ECAP_LAKE_PATH";
  static final String MARKER = ".ecap-embedded-lake";

  private EmbeddedLake() {
  }

  /** The lake directory ({@code configured}, or {@code lake} beside the endpoints file), emptied and created. */
  public static Path prepare(Path configured, Path endpointsFile) throws IOException {
    Path lake = (configured != null ? configured : endpointsFile.toAbsolutePath().getParent().resolve("lake"))
        .toAbsolutePath().normalize();
    if (Files.exists(lake) && !isEmpty(lake)) {
      if (!Files.exists(lake.resolve(MARKER))) {
        throw new IOException("the lake directory " + lake + " is not empty and was not made by an embedded platform ("
            + MARKER + " missing); choose another --lake-path or empty it");
      }
      try (Stream<Path> tree = Files.walk(lake)) {
        for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(landing(lake));
    Files.writeString(lake.resolve(MARKER), "emptied by the next embedded start\n");
    return lake;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Where the landing files go under a lake (this one, or a cluster's lake volume for {@code --seed}): the jobs' default ECAP_LANDING_PATH. */
  public static Path landing(Path lake) {
    return lake.resolve("landing");
  }
}
