package io.ecap.testenv.operator.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

  @TempDir
  Path dir;

  @Test
  void validFilePrintsValidAndExitsZero() throws IOException {
    Path file = write("ok.yaml", "spec: {tests: {suites: [api, health], parallelism: 2}}");
    Result result = run(file);
    assertThat(result.exit).isZero();
    assertThat(result.out).isEqualTo(file + ": valid\n");
  }

  @Test
  void everyErrorIsPrintedWithItsFieldPathAndExitIsOne() throws IOException {
    Path file = write("bad.yaml", "spec: {profile: huge, tests: {suites: [api, health, ml], parallelism: 4}, "
        + "qualityGates: {minSuccessRate: 120}}");
    Result result = run(file);
    assertThat(result.exit).isEqualTo(1);
    assertThat(result.out).contains(file + ": spec.profile: must be one of")
        .contains(file + ": spec.qualityGates.minSuccessRate:");
  }

  @Test
  void celRuleErrorNamesTheFieldAsKubernetesWould() throws IOException {
    Path file = write("cel.yaml", "spec: {tests: {suites: [api, health, ml], parallelism: 4}}");
    Result result = run(file);
    assertThat(result.exit).isEqualTo(1);
    assertThat(result.out).isEqualTo(file + ": spec.tests.parallelism: must be at most the number of suites (3)\n");
  }

  @Test
  void malformedYamlGetsItsLineAndNoStackTrace() throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "apiVersion: testing.ecap.io/v1alpha1\nkind: IntegrationTestRun\nmetadata:\n  name: x\n"
        + "spec:\n  tests: {suites: [api\n  profile: small\n");
    Result result = run(file);
    assertThat(result.exit).isEqualTo(1);
    assertThat(result.out).contains("malformed YAML at line 7").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void missingFileIsAnErrorNotACrash() {
    Path file = dir.resolve("absent.yaml");
    Result result = run(file);
    assertThat(result.exit).isEqualTo(1);
    assertThat(result.out).isEqualTo(file + ": no such file\n");
  }

  @Test
  void severalDocumentsAreReportedOneByOne() throws IOException {
    Path file = dir.resolve("two.yaml");
    String header = "apiVersion: testing.ecap.io/v1alpha1\nkind: IntegrationTestRun\nmetadata:\n  name: x\n";
    Files.writeString(file, header + "spec: {}\n---\n" + header + "spec: {tests: {retries: 9}}\n");
    Result result = run(file);
    assertThat(result.exit).isEqualTo(1);
    assertThat(result.out).contains(file + "#1: valid").contains(file + "#2: spec.tests.retries:");
  }

  private Path write(String name, String specLine) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "apiVersion: testing.ecap.io/v1alpha1\nkind: IntegrationTestRun\nmetadata:\n  name: t\n"
        + specLine + "\n");
    return file;
  }

  private static Result run(Path... files) {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new ApiCli());
    command.setOut(new PrintWriter(out));
    String[] args = new String[files.length + 1];
    args[0] = "validate";
    for (int i = 0; i < files.length; i++) {
      args[i + 1] = files[i].toString();
    }
    int exit = command.execute(args);
    return new Result(exit, out.toString());
  }

  private record Result(int exit, String out) {
  }
}
