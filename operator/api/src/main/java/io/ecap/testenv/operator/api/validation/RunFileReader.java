package io.ecap.testenv.operator.api.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ecap.testenv.operator.api.IntegrationTestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads IntegrationTestRun files that users wrote (one or more YAML documents each), validates every
 * document with {@link RunValidator} and binds the valid ones, with their schema defaults applied,
 * strictly to the Java classes. Malformed YAML is reported with its line, never as a stack trace.
 */
public final class RunFileReader {

  private final RunValidator validator;
  private final ObjectMapper yaml;

  public RunFileReader(RunValidator validator) {
    this.validator = validator;
    YAMLFactory factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    this.yaml = new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }

  public static RunFileReader create() {
    return new RunFileReader(RunValidator.forGeneratedCrd());
  }

  /** Every document of the file, each valid (with its bound resource) or with its errors. */
  public List<Document> read(Path file) {
    List<JsonNode> nodes = new ArrayList<>();
    try (JsonParser parser = yaml.getFactory().createParser(Files.newBufferedReader(file))) {
      MappingIterator<JsonNode> documents = yaml.readValues(parser, JsonNode.class);
      while (documents.hasNextValue()) {
        nodes.add(documents.nextValue());
      }
    } catch (NoSuchFileException e) {
      return List.of(Document.invalid(file, 0, new ValidationError("", "no such file")));
    } catch (JsonProcessingException e) {
      return List.of(Document.invalid(file, nodes.size(), new ValidationError("", malformed(e))));
    } catch (IOException e) {
      return List.of(Document.invalid(file, 0, new ValidationError("", "cannot be read: " + e.getMessage())));
    } catch (RuntimeException e) {
      // MappingIterator wraps parse errors in RuntimeJsonMappingException
      if (e.getCause() instanceof JsonProcessingException cause) {
        return List.of(Document.invalid(file, nodes.size(), new ValidationError("", malformed(cause))));
      }
      throw e;
    }
    List<Document> result = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode node = nodes.get(i);
      if (node == null || node.isNull() || node.isMissingNode()) {
        continue; // an empty document, e.g. after a trailing '---'
      }
      if (!node.isObject()) {
        result.add(Document.invalid(file, i, new ValidationError("", "must be a YAML mapping (an IntegrationTestRun), not "
            + node.getNodeType().name().toLowerCase())));
        continue;
      }
      result.add(bind(file, i, node));
    }
    if (result.isEmpty()) {
      result.add(Document.invalid(file, 0, new ValidationError("", "holds no IntegrationTestRun")));
    }
    return result;
  }

  /**
   * Reads a file that must hold exactly one valid resource.
   *
   * @throws InvalidRunException listing every error with its field
   */
  public IntegrationTestRun readOne(Path file) {
    List<Document> documents = read(file);
    List<String> problems = new ArrayList<>();
    for (Document document : documents) {
      document.errors().forEach(error -> problems.add(error.toString()));
    }
    if (problems.isEmpty() && documents.size() != 1) {
      problems.add("holds " + documents.size() + " resources; exactly one is expected");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRunException(file, problems);
    }
    return documents.get(0).run();
  }

  private Document bind(Path file, int index, JsonNode node) {
    RunValidator.Result result = validator.validate(node);
    if (!result.valid()) {
      return new Document(file, index, null, result.errors());
    }
    try {
      return new Document(file, index, yaml.treeToValue(result.defaulted(), IntegrationTestRun.class), List.of());
    } catch (JsonProcessingException e) {
      // The schema accepted what the classes cannot hold: a mismatch between CRD and classes.
      return Document.invalid(file, index, new ValidationError(FieldPath.fromJsonPath(pathOf(e)), e.getOriginalMessage()));
    }
  }

  private static String pathOf(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
      StringBuilder path = new StringBuilder();
      for (var reference : mapping.getPath()) {
        path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
      }
      return path.toString();
    }
    return "";
  }

  private static String malformed(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where = location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    String problem = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    return "malformed YAML at " + where + problem.lines().findFirst().orElse(problem).trim();
  }

  /** One YAML document of a file: the bound resource when valid, else its errors. */
  public record Document(Path file, int index, IntegrationTestRun run, List<ValidationError> errors) {
    static Document invalid(Path file, int index, ValidationError error) {
      return new Document(file, index, null, List.of(error));
    }

    public boolean valid() {
      return errors.isEmpty();
    }
  }
}
