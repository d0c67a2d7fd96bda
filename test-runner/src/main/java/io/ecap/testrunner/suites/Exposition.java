package io.ecap.testrunner.suites;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Prometheus text exposition (format 0.0.4) parsed into samples and declared types; a line that is not valid
 * exposition fails the parse with its number.
 */
public final class Exposition {

  /** One sample line: metric name, labels, value. */
  public record Sample(String name, Map<String, String> labels, double value) {
  }

  private final List<Sample> samples;
  private final Map<String, String> types;

  private Exposition(List<Sample> samples, Map<String, String> types) {
    this.samples = Collections.unmodifiableList(samples);
    this.types = Collections.unmodifiableMap(types);
  }

  /** @throws IllegalArgumentException naming the first malformed line */
  public static Exposition parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        String[] parts = line.split(" ", 4);
        if (parts.length >= 4 && parts[1].equals("TYPE")) {
          types.put(parts[2], parts[3].trim());
        }
        continue;
      }
      try {
        samples.add(sample(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + number + " is not a sample (" + e.getMessage() + "): " + line, e);
      }
    }
    return new Exposition(samples, types);
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    String name;
    Map<String, String> labels = new LinkedHashMap<>();
    int rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq).trim();
        if (line.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException("label " + label + " is not quoted");
        }
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char next = line.charAt(++j);
            value.append(next == 'n' ? '\n' : next);
          } else {
            value.append(c);
          }
        }
        labels.put(label, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      rest = i + 1;
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new IllegalArgumentException("bad metric name " + name);
    }
    String[] tail = line.substring(rest).trim().split("\\s+");
    String value = tail[0];
    double parsed = switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(value);
    };
    return new Sample(name, labels, parsed);
  }

  public List<Sample> samples() {
    return samples;
  }

  /** Metric family name to type (counter, gauge, histogram, summary, untyped) from the TYPE lines. */
  public Map<String, String> types() {
    return types;
  }

  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  /** The first sample of {@code name} whose labels include {@code labels}. */
  public Optional<Sample> find(String name, Map<String, String> labels) {
    return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .findFirst();
  }

  /** The sum of the samples of {@code name} whose labels include {@code labels} (0 when there are none). */
  public double sum(String name, Map<String, String> labels) {
    return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .mapToDouble(Sample::value).sum();
  }
}
