package io.ecap.platform.services.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's alerting rules (alerts/ecap-alerts.yml, shipped in the jar) are valid for Prometheus and each
 * alert fires on the series that should raise it and not on healthy ones: {@code promtool test rules} with
 * alerts/ecap-alerts-test.yml. Debian's prometheus package provides promtool (make test installs it).
 */
class AlertRulesTest {

  @TempDir
  static Path dir;

  @BeforeAll
  static void copyRules() throws IOException {
    copy("/alerts/ecap-alerts.yml");
    copy("/alerts/ecap-alerts-test.yml");
  }

  private static void copy(String resource) throws IOException {
    try (InputStream in = Objects.requireNonNull(AlertRulesTest.class.getResourceAsStream(resource), resource)) {
      Files.write(dir.resolve(Path.of(resource).getFileName().toString()), in.readAllBytes());
    }
  }

  private static String promtool(String... args) throws IOException, InterruptedException {
    Path promtool = Path.of("/usr/bin/promtool");
    Assumptions.assumeTrue(Files.isExecutable(promtool),
        "promtool is not installed: run test-runner/src/test/scripts/ensure-prometheus.sh (make test does)");
    List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), output).isZero();
    return output;
  }

  @Test
  void rulesAreValid() throws Exception {
    assertThat(promtool("check", "rules", "ecap-alerts.yml")).contains("SUCCESS: 6 rules found");
  }

  @Test
  void everyAlertFiresOnItsSeriesAndStaysQuietOnHealthyOnes() throws Exception {
    assertThat(promtool("test", "rules", "ecap-alerts-test.yml")).contains("SUCCESS");
  }

  @Test
  void everyAlertIsUnitTested() throws IOException {
    String rules = Files.readString(dir.resolve("ecap-alerts.yml"));
    String tests = Files.readString(dir.resolve("ecap-alerts-test.yml"));
    List<String> alerts = rules.lines().map(String::trim).filter(l -> l.startsWith("- alert: "))
        .map(l -> l.substring("- alert: ".length())).toList();
    assertThat(alerts).hasSize(6);
    for (String alert : alerts) {
      assertThat(tests).as("a promtool test of %s", alert).contains("alertname: " + alert + "\n        exp_alerts:\n          - exp_labels");
    }
  }
}
