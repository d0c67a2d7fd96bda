package io.ecap.testrunner.launch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Past wall time per test class, as a small JSON object ({@code {"io.x.SomeSuite": 12.5}}, seconds).
 * Shards read it to balance their plan; a run writes its own measurements back.
 */
public final class ClassDurationHistory {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ClassDurationHistory() {
  }

  /** The history in {@code file}; empty when there is none yet. A malformed file is an error, not ignored. */
  public static Map<String, Duration> read(Path file) {
    if (!Files.exists(file)) {
      return Map.of();
    }
    try {
      Map<String, Double> seconds = JSON.readValue(file.toFile(), new TypeReference<Map<String, Double>>() { });
      Map<String, Duration> history = new LinkedHashMap<>();
      seconds.forEach((c, s) -> history.put(c, Duration.ofMillis(Math.round(s * 1000))));
      return history;
    } catch (IOException e) {
      throw new IllegalArgumentException("shard history " + file + " is not a JSON object of seconds per class: "
          + e.getMessage(), e);
    }
  }

  /** Merges {@code measured} into the history in {@code file} (newer figures replace older ones). */
  public static void merge(Path file, Map<String, Double> measured) {
    Map<String, Double> merged = new TreeMap<>();
    read(file).forEach((c, d) -> merged.put(c, d.toMillis() / 1000.0));
    merged.putAll(measured);
    write(file, merged);
  }

  public static void write(Path file, Map<String, Double> seconds) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      JSON.writeValue(file.toFile(), new TreeMap<>(seconds));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
