package io.ecap.platform.services.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ecap.platform.core.generator.sinks.JsonLinesDatasetWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Small lakes for crafted datasets, {@code <main lake>/scratch/<name>}, each with its own landing directory: a suite
 * uploads JSON Lines there and runs a job over that lake, and the main lake (the seeded dataset every other suite
 * reads) is never written. A landing file is replaced atomically (written beside it, then renamed), so a job never
 * ingests half an upload.
 */
public final class ScratchLakes {

  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  /** The landing files the lake's batch ingestion reads, one per bronze table. */
  public static final List<String> SOURCES = JsonLinesDatasetWriter.SOURCES;
  /** Crafted datasets are small; this keeps a runaway upload from filling the lake's disk. */
  static final long MAX_CHARS = 64L * 1024 * 1024;

  private final Path root;
  private final ObjectReader lines = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).reader();

  public ScratchLakes(Path mainLake) {
    this.root = mainLake.resolve("scratch");
  }

  /** What an upload landed. {@code path} is the landing file's absolute path. */
  public record Landed(String lake, String source, long lines, String path) {
  }

  /** The lake's directory; {@code name} must be a valid scratch lake name. */
  public Path path(String name) {
    requireName(name);
    return root.resolve(name);
  }

  public boolean exists(String name) {
    return Files.isDirectory(path(name));
  }

  /** @throws LandingRejected naming {@code lake}, when the name is not one a scratch lake may have */
  public static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw LandingRejected.invalid("lake", "must match " + NAME.pattern() + " (a scratch lake's name), got '"
          + name + "'");
    }
  }

  /**
   * Writes {@code body} (one JSON object per non-blank line) as the lake's landing file of {@code source}, replacing
   * an earlier upload of that source.
   *
   * @throws LandingRejected naming the field: {@code lake}, {@code source}, or {@code body} with the bad line's number
   */
  public Landed land(String lake, String source, InputStream body) throws IOException {
    requireName(lake);
    if (!SOURCES.contains(source)) {
      throw LandingRejected.invalid("source", "must be one of " + SOURCES + ", got '" + source + "'");
    }
    Path landing = path(lake).resolve("landing");
    Files.createDirectories(landing);
    Path target = landing.resolve(source + ".jsonl");
    // Beside the target (same file system, so the rename is atomic) and under a name the ingestion never reads.
    Path part = Files.createTempFile(landing, "." + source + ".jsonl.", ".part");
    try {
      long count = copyObjects(body, part);
      if (count == 0) {
        throw LandingRejected.invalid("body", "is empty: send one JSON object per line (application/x-ndjson)");
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return new Landed(lake, source, count, target.toAbsolutePath().toString());
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Copies the non-blank lines, each checked to be one JSON object; returns how many. */
  private long copyObjects(InputStream body, Path out) throws IOException {
    long count = 0;
    long chars = 0;
    int number = 0;
    // A decoder that reports malformed input: a replacement character would silently change the data.
    try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()));
         BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        chars += line.length() + 1;
        if (chars > MAX_CHARS) {
          throw new LandingRejected("body", "is larger than " + MAX_CHARS / (1024 * 1024) + " MiB: scratch lakes are"
              + " for small crafted datasets", 413);
        }
        if (line.isBlank()) {
          continue;
        }
        requireObject(line, number);
        w.write(line.strip());
        w.newLine();
        count++;
      }
    } catch (CharacterCodingException e) {
      throw LandingRejected.invalid("body", "is not UTF-8 text (after line " + number + ")");
    }
    return count;
  }

  private void requireObject(String line, int number) {
    JsonNode node;
    try {
      node = lines.readTree(line);
    } catch (JsonProcessingException e) {
      throw LandingRejected.invalid("body", "line " + number + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw LandingRejected.invalid("body", "line " + number + " cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw LandingRejected.invalid("body", "line " + number + " is not a JSON object (it is "
          + (node == null ? "empty" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)) + ")");
    }
  }

  /** Removes the lake and everything in it; false when there was none. */
  public boolean delete(String name) throws IOException {
    Path lake = path(name);
    if (!Files.isDirectory(lake)) {
      return false;
    }
    try (Stream<Path> tree = Files.walk(lake)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    return true;
  }
}
