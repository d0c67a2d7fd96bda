package io.ecap.testrunner.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded platform gets the Spark jobs jar the run uses, as an absolute path, so its job routes are on. */
class SparkJobsTest {

  @TempDir
  Path dir;

  @Test
  void thePlatformGetsTheJobsJarAsAnAbsolutePathWhenItIsOneJarFile() throws Exception {
    Path jar = Files.writeString(dir.resolve("spark-jobs.jar"), "");
    Path relative = Path.of("").toAbsolutePath().relativize(jar);
    assertThat(SparkJobs.forPlatform(relative.toString()))
        .isEqualTo(Map.of(SparkJobs.JOBS_JAR, jar.toAbsolutePath().normalize().toString()));
    assertThat(SparkJobs.forPlatform(dir.resolve("missing.jar").toString())).as("no jar built").isEmpty();
    assertThat(SparkJobs.forPlatform(jar + File.pathSeparator + dir)).as("a classpath, not a jar").isEmpty();
  }
}
