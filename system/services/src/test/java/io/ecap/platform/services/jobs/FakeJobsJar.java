package io.ecap.platform.services.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** A tiny "Spark jobs jar" holding {@link FakeSparkJob}, so the queue's tests run real child JVMs without Spark. */
public final class FakeJobsJar {

  private FakeJobsJar() {
  }

  public static Path build(Path dir) throws Exception {
    Path jar = dir.resolve("fake-spark-jobs.jar");
    String entry = FakeSparkJob.class.getName().replace('.', '/') + ".class";
    Path classes = Path.of(FakeSparkJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      out.write(Files.readAllBytes(classes.resolve(entry)));
      out.closeEntry();
    }
    return jar;
  }
}
