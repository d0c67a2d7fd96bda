package io.ecap.testenv.operator.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root and the shared/ folder laid beside it (Strimzi CRDs). */
public final class SharedFiles {

  private SharedFiles() {
  }

  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isDirectory(dir.resolve("examples")) && Files.isDirectory(dir.resolve("crds")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  public static Path strimziCrds(String release) {
    Path root = repositoryRoot();
    for (Path candidate : new Path[] {root.resolve("shared"), root.getParent().resolve("shared")}) {
      Path dir = candidate.resolve("strimzi-crds").resolve(release);
      if (Files.isDirectory(dir)) {
        return dir;
      }
    }
    throw new IllegalStateException("shared/strimzi-crds/" + release + " not found beside " + root);
  }
}
