package io.ecap.testrunner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run's {@code summary.json}: a {@link RunSummary} as indented JSON. */
public final class RunSummaryFile {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunSummaryFile() {
  }

  public static void write(RunSummary summary, Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      JSON.writeValue(file.toFile(), summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RunSummary read(Path file) {
    try {
      return JSON.readValue(file.toFile(), RunSummary.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
