package io.ecap.platform.streaming.fraud;

import io.ecap.platform.core.fraud.model.FraudModelJson;
import io.ecap.platform.core.fraud.model.ModelRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Where the current (promoted) model's parameters come from. */
@FunctionalInterface
public interface ModelSource {

  /** The parameters JSON, or empty when no model is promoted yet. */
  Optional<String> read() throws IOException, SQLException;

  /** No promoted model: the rule-based default scores. */
  static ModelSource none() {
    return Optional::empty;
  }

  /**
   * A file someone overwrites on promotion (write a temporary file and rename it over this one, so a reader never
   * sees half a model).
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

  /** The PRODUCTION version of {@code modelName} in the model registry (PostgreSQL), as the trainer exported it. */
  static ModelSource registry(ModelRegistry registry, String modelName) {
    return () -> registry.production(modelName).map(m -> FraudModelJson.write(m.parameters()));
  }

  /** The first source that has a model, in order of preference. */
  static ModelSource firstOf(List<ModelSource> sources) {
    List<ModelSource> ordered = List.copyOf(sources);
    return () -> {
      for (ModelSource source : ordered) {
        Optional<String> json = source.read();
        if (json.isPresent()) {
          return json;
        }
      }
      return Optional.empty();
    };
  }
}
