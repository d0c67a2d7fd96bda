package io.ecap.testenv.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The chart under test, rendered with Helm itself (helm-java bundles Helm as a native library). */
final class Chart {

  static final Path DIR = Path.of("ecap-operator").toAbsolutePath();
  static final String RELEASE = "ecap";
  static final String NAMESPACE = "ecap-system";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Chart() {
  }

  /** Every object {@code helm template} renders, as trees. */
  static List<ObjectNode> render(Path... valuesFiles) {
    TemplateCommand template = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE);
    for (Path values : valuesFiles) {
      template = template.withValuesFile(values);
    }
    return parse(template.call());
  }

  static List<ObjectNode> parse(String manifests) {
    List<ObjectNode> objects = new ArrayList<>();
    try {
      var parser = YAML.getFactory().createParser(manifests);
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node instanceof ObjectNode object && object.has("kind")) {
          objects.add(object);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  static Optional<ObjectNode> find(List<ObjectNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).findFirst();
  }

  static List<ObjectNode> all(List<ObjectNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  /** A copy of the chart whose values.yaml is the given file merged over nothing: what lint checks. */
  static Path copyWithValues(Path valuesFile, Path target) throws IOException {
    try (var files = Files.walk(DIR)) {
      for (Path source : files.toList()) {
        Path destination = target.resolve(DIR.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination);
        }
      }
    }
    ObjectNode values = (ObjectNode) YAML.readTree(DIR.resolve("values.yaml").toFile());
    JsonNode overrides = YAML.readTree(valuesFile.toFile());
    merge(values, overrides);
    YAML.writeValue(target.resolve("values.yaml").toFile(), values);
    return target;
  }

  private static void merge(ObjectNode base, JsonNode overrides) {
    overrides.fields().forEachRemaining(entry -> {
      JsonNode existing = base.get(entry.getKey());
      if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
        merge(object, entry.getValue());
      } else {
        base.set(entry.getKey(), entry.getValue());
      }
    });
  }
}
