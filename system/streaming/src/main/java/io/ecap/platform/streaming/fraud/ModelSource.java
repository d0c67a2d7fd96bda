package io.ecap.platform.streaming.fraud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the current (promoted) model's parameters come from. */
@FunctionalInterface
public interface ModelSource {

  /** The parameters JSON, or empty when no model is promoted yet. */
  Optional<String> read() throws IOException;

  /**
   * A file the model registry overwrites on promotion (write a temporary file and rename it over this one, so a
   * reader never sees half a model).
   */
  static ModelSource file(Path path) {
    return () -> {
      try {
        return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    };
  }
}
