package io.ecap.testenv.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Helm's own lint and template over the default values and sets of good and bad values. */
class ChartLintTest {

  @TempDir
  Path tmp;

  static Stream<Path> good() throws IOException {
    return files("good");
  }

  static Stream<Path> bad() throws IOException {
    return files("bad");
  }

  @Test
  void defaultValuesLintCleanInStrictMode() {
    LintResult result = new Helm(Chart.DIR).lint().strict().call();
    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("good")
  void goodValuesLintAndRender(Path values) throws IOException {
    Path copy = Chart.copyWithValues(values, tmp.resolve("chart"));
    LintResult result = new Helm(copy).lint().strict().call();
    assertThat(result.isFailed()).as("lint of %s: %s", values.getFileName(), result.getMessages()).isFalse();
    assertThat(Chart.render(values)).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("bad")
  void badValuesAreRejectedNamingTheField(Path values) throws IOException {
    String field = Files.readAllLines(values).get(0).replace("# expect:", "").trim();

    assertThatThrownBy(() -> Chart.render(values)).as("helm template with %s", values.getFileName())
        .hasMessageContaining(field);

    Path copy = Chart.copyWithValues(values, tmp.resolve("chart"));
    LintResult lint = new Helm(copy).lint().call();
    assertThat(lint.isFailed()).isTrue();
    assertThat(String.join("\n", lint.getMessages())).contains("[ERROR]").contains(field);
  }

  private static Stream<Path> files(String kind) throws IOException {
    Path dir = Path.of("src/test/resources/values", kind);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.sorted().toList();
      assertThat(all).isNotEmpty();
      return all.stream();
    }
  }
}
