package io.ecap.testrunner.suites.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Delta table's state as its transaction log states it ({@code _delta_log/<version>.json}, one action per line):
 * the columns of the latest {@code metaData} schema, and the live data files ({@code add} minus {@code remove}) with
 * their {@code stats.numRecords}. Enough to check a lake table from the runner, which has no Spark; tables with
 * checkpoints replacing their JSON commits are not read.
 */
public record DeltaLog(List<String> columns, long records) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static DeltaLog read(Path table) throws IOException {
    Path log = table.resolve("_delta_log");
    List<Path> commits;
    try (Stream<Path> files = Files.list(log)) {
      commits = files.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).sorted().toList();
    }
    if (commits.isEmpty() || !commits.get(0).getFileName().toString().equals("00000000000000000000.json")) {
      throw new AssertionError("no complete Delta log in " + log + ": " + commits);
    }
    List<String> columns = List.of();
    Map<String, Long> live = new HashMap<>();
    for (Path commit : commits) {
      for (String line : Files.readAllLines(commit)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode action = JSON.readTree(line);
        if (action.has("metaData")) {
          List<String> names = new ArrayList<>();
          JSON.readTree(action.get("metaData").get("schemaString").asText()).path("fields")
              .forEach(f -> names.add(f.path("name").asText()));
          columns = List.copyOf(names);
        } else if (action.has("add")) {
          JsonNode add = action.get("add");
          JsonNode stats = JSON.readTree(add.path("stats").asText("{}"));
          if (!stats.has("numRecords")) {
            throw new AssertionError("no numRecords in the stats of " + add.path("path").asText() + " in " + commit);
          }
          live.put(add.get("path").asText(), stats.get("numRecords").asLong());
        } else if (action.has("remove")) {
          live.remove(action.get("remove").get("path").asText());
        }
      }
    }
    return new DeltaLog(columns, live.values().stream().mapToLong(Long::longValue).sum());
  }
}
