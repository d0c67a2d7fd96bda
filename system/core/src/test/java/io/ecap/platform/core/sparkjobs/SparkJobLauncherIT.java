package io.ecap.platform.core.sparkjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs: environment and arguments passed, exit codes and output kept, a hung job killed at its timeout. */
class SparkJobLauncherIT {

  @TempDir
  static Path dir;
  static SparkJobLauncher launcher;

  @BeforeAll
  static void jar() throws Exception {
    Path jar = dir.resolve("jobs.jar");
    String entry = EchoJob.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      out.write(Files.readAllBytes(classes().resolve(entry)));
      out.closeEntry();
    }
    launcher = new SparkJobLauncher(jar, Map.of("ECAP_LAKE_PATH", "/tmp/lake"), dir.resolve("logs"), "64m");
  }

  private static Path classes() throws URISyntaxException {
    return Path.of(EchoJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void runsTheJobInItsOwnJvmWithTheEnvironmentAndArguments() throws Exception {
    SparkJobResult ok = launcher.run(EchoJob.class.getName(), List.of("a", "b"), Duration.ofSeconds(30));
    assertThat(ok.succeeded()).isTrue();
    assertThat(Files.readString(ok.log())).contains("lake=/tmp/lake ip=127.0.0.1 args=a,b");
    SparkJobResult failed = launcher.run(EchoJob.class.getName(), List.of("exit=2"), Duration.ofSeconds(30));
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(failed.succeeded()).isFalse();
    assertThat(launcher.command("rfm", List.of())).contains("--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
        "io.ecap.platform.analytics.jobs.RfmSegmentation");
  }

  @Test
  void aJobPastItsTimeoutIsKilled() throws Exception {
    SparkJobResult hung = launcher.run(EchoJob.class.getName(), List.of("hang"), Duration.ofSeconds(2));
    assertThat(hung.timedOut()).isTrue();
    assertThat(hung.succeeded()).isFalse();
    assertThat(hung.took()).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void unknownJobsAndMissingJarsAreRefused() {
    assertThatThrownBy(() -> SparkJobCatalog.mainClassOf("nope")).hasMessageContaining("unknown Spark job 'nope'");
    assertThatThrownBy(() -> new SparkJobLauncher(dir.resolve("missing.jar"), Map.of(), dir, "64m"))
        .hasMessageContaining("Spark jobs jar not found");
  }
}
