package io.ecap.platform.core.fraud.model;

import io.ecap.platform.core.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The exported model file ({@code model.json}) and the registry's params column share this JSON form. */
public final class FraudModelJson {

  private FraudModelJson() {
  }

  public static String write(FraudModelParameters parameters) {
    return EventJson.write(parameters);
  }

  public static FraudModelParameters read(String json) {
    try {
      return EventJson.mapper().readValue(json, FraudModelParameters.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a fraud model export: " + e.getMessage(), e);
    }
  }

  public static void writeFile(FraudModelParameters parameters, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, write(parameters));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FraudModelParameters readFile(Path file) {
    try {
      return read(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
