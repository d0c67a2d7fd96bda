package io.ecap.platform.services.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.UUID;

/** Reading request bodies and parameters, turning every malformation into a 400 problem that names the field. */
public final class Requests {

  private final ObjectMapper mapper;

  public Requests(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public <T> T body(Context ctx, Class<T> type) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw new ProblemException(400, "malformed-json", "Malformed JSON", "the request body is empty", java.util.List.of());
    }
    try {
      T value = mapper.readValue(bytes, type);
      if (value == null) {
        throw new ProblemException(400, "malformed-json", "Malformed JSON", "the request body is JSON null", java.util.List.of());
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ProblemException.invalid(path(e), "unknown field");
    } catch (JsonMappingException e) {
      String field = path(e);
      if (field.isEmpty()) {
        throw new ProblemException(400, "malformed-json", "Malformed JSON", "the body must be a JSON object", java.util.List.of());
      }
      throw ProblemException.invalid(field, "has the wrong type");
    } catch (JsonProcessingException e) {
      throw new ProblemException(400, "malformed-json", "Malformed JSON",
          "the request body is not valid JSON: " + e.getOriginalMessage(), java.util.List.of());
    } catch (IOException e) {
      throw new ProblemException(400, "malformed-json", "Malformed JSON", "the request body could not be read", java.util.List.of());
    }
  }

  /** JSON path of the field a mapping error is about, as {@code items[0].quantity}. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** An optional free-text query parameter: at most {@code max} characters, no NUL (PostgreSQL text cannot hold it). */
  public static String textQueryParam(Context ctx, String name, int max) {
    String value = ctx.queryParam(name);
    if (value != null && (value.length() > max || value.indexOf('\0') >= 0)) {
      throw ProblemException.invalid(name, "must be at most " + max + " characters, without NUL");
    }
    return value;
  }

  public static UUID uuidParam(Context ctx, String name) {
    String value = ctx.pathParam(name);
    try {
      UUID id = UUID.fromString(value);
      if (id.toString().equalsIgnoreCase(value)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ProblemException.invalid(name, "must be a UUID, got '" + value + "'");
  }
}
