package io.ecap.testenv.operator.api;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of the repository from a module's test working directory. */
final class ProjectFiles {

  private ProjectFiles() {
  }

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isDirectory(dir.resolve("examples")) && Files.isDirectory(dir.resolve("crds")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the repository: no examples/ and crds/ above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
