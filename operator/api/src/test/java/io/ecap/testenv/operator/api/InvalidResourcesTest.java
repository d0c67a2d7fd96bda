package io.ecap.testenv.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecap.testenv.operator.api.validation.RunFileReader;
import io.ecap.testenv.operator.api.validation.ValidationError;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of invalid resources: each file names, in its header, the field the error must name and
 * a fragment of the message. Every one must be rejected, and for the reason it was written for.
 */
class InvalidResourcesTest {

  private static final RunFileReader READER = RunFileReader.create();

  static Stream<Path> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(InvalidResourcesTest.class.getResource("/invalid").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(25);
      return all.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void isRejectedWithAMessageNamingTheField(Path file) throws IOException {
    List<String> header = Files.readAllLines(file);
    String field = value(header, "# expect-field:");
    String message = value(header, "# expect-message:");

    List<ValidationError> errors = READER.read(file).stream().flatMap(d -> d.errors().stream()).toList();

    assertThat(errors).as("errors of %s", file.getFileName()).isNotEmpty();
    assertThat(errors).as("an error on '%s' containing '%s' in %s", field, message, errors)
        .anySatisfy(error -> {
          assertThat(error.field()).isEqualTo(field);
          assertThat(error.message()).containsIgnoringCase(message);
        });
  }

  private static String value(List<String> header, String key) {
    return header.stream().filter(l -> l.startsWith(key)).findFirst()
        .map(l -> l.substring(key.length()).trim())
        .orElseThrow(() -> new IllegalStateException("corpus file lacks " + key));
  }
}
