package io.ecap.platform.core.sparkjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs: environment and arguments passed, exit codes and output kept, a hung job killed at its timeout. */
class SparkJobLauncherIT {

  @TempDir
  static Path dir;
  static Path jar;
  static SparkJobLauncher launcher;

  @BeforeAll
  static void jar() throws Exception {
    jar = dir.resolve("jobs.jar");
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
  void inheritedVariablesCanBeLeftOut() throws Exception {
    assertThat(System.getenv("HOME")).as("this test needs HOME in the test JVM's environment").isNotNull();
    SparkJobLauncher withoutHome = new SparkJobLauncher(jar, Map.of(), Set.of("HOME"), dir.resolve("logs-unset"), "64m");
    SparkJobResult ok = withoutHome.run(EchoJob.class.getName(), List.of(), Duration.ofSeconds(30));
    assertThat(Files.readString(ok.log())).contains("home=null");
    SparkJobResult inherited = launcher.run(EchoJob.class.getName(), List.of(), Duration.ofSeconds(30));
    assertThat(Files.readString(inherited.log())).contains("home=" + System.getenv("HOME"));
  }

  @Test
  void aJobWhoseCallerIsInterruptedIsKilled() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        launcher.run(EchoJob.class.getName(), List.of("hang", "interrupted"), Duration.ofSeconds(60));
      } catch (Exception e) {
        thrown.set(e);
      }
    });
    caller.start();
    long pid = awaitPid("hang,interrupted");
    caller.interrupt();
    caller.join(20_000);
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("child %d alive", pid).isFalse();
  }

  /** The pid the EchoJob started with {@code args} printed in its log. */
  private static long awaitPid(String args) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (var logs = Files.walk(dir.resolve("logs"))) {
        for (Path log : logs.filter(Files::isRegularFile).toList()) {
          Matcher m = Pattern.compile("args=" + args + " .*pid=(\\d+)").matcher(Files.readString(log));
          if (m.find()) {
            return Long.parseLong(m.group(1));
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the job never printed its pid");
  }

  @Test
  void unknownJobsAndMissingJarsAreRefused() {
    assertThatThrownBy(() -> SparkJobCatalog.mainClassOf("nope")).hasMessageContaining("unknown Spark job 'nope'");
    assertThatThrownBy(() -> new SparkJobLauncher(dir.resolve("missing.jar"), Map.of(), dir, "64m"))
        .hasMessageContaining("Spark jobs jar not found");
  }
}
