package io.ecap.platform.services.jobs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The last lines of a job's log, read from the end of the file: Spark logs grow to megabytes, the API shows a few lines. */
final class LogTail {

  /** Bytes read from the end: enough for {@code lines} lines of Spark's usual width, stack traces included. */
  private static final int WINDOW = 64 * 1024;

  private LogTail() {
  }

  /** The last {@code lines} lines of the newest {@code *.log} file in {@code dir}; empty when there is none yet. */
  static List<String> ofNewestLog(Path dir, int lines) {
    try {
      Optional<Path> newest = newestLog(dir);
      return newest.isEmpty() ? List.of() : of(newest.get(), lines);
    } catch (IOException e) {
      return List.of("(log unreadable: " + e.getMessage() + ")");
    }
  }

  /** The newest {@code *.log} file in {@code dir}, if any (a run's directory normally holds exactly one). */
  static Optional<Path> newestLog(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".log"))
          .max(Comparator.comparingLong(p -> p.toFile().lastModified()));
    }
  }

  static List<String> of(Path file, int lines) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, WINDOW);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      // A window that starts mid-file starts mid-line: that first piece is not a line.
      List<String> whole = size < length && !all.isEmpty() ? all.subList(1, all.size()) : all;
      return List.copyOf(whole.subList(Math.max(0, whole.size() - lines), whole.size()));
    }
  }
}
