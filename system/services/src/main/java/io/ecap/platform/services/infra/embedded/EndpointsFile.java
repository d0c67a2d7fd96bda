package io.ecap.platform.services.infra.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** The env-file (KEY=VALUE per line) that tells launchers where a running embedded platform is. */
public final class EndpointsFile {

  private EndpointsFile() {
  }

  /** Writes atomically: readers see either no file or the whole file. */
  public static void write(Path file, Map<String, String> values) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    StringBuilder text = new StringBuilder("# ECAP embedded platform endpoints (written when ready)\n");
    values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Path tmp = Files.createTempFile(dir, ".endpoints", ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }
}
