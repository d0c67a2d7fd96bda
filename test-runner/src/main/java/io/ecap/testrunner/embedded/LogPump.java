package io.ecap.testrunner.embedded;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Copies a child process's merged output into its log file line by line (flushed, so a crash leaves the log
 * whole) and hands each line to the caller, on a daemon thread.
 */
final class LogPump {

  private LogPump() {
  }

  static Thread start(Process process, Path log, String threadName, Consumer<String> onLine,
      Consumer<IOException> onFailure) throws IOException {
    BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    Thread pump = new Thread(() -> {
      try (writer; BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          writer.write(line);
          writer.newLine();
          writer.flush();
          onLine.accept(line);
        }
      } catch (IOException e) {
        onFailure.accept(e);
      }
    }, threadName);
    pump.setDaemon(true);
    pump.start();
    return pump;
  }
}
