package io.ecap.testrunner.suites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A small HTTP client for the suites: the platform's API over the wire, JSON bodies parsed on demand. An
 * observer, when given, sees every answer (the api suite records which routes a test exercised).
 */
public final class PlatformHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final Duration timeout;
  private final Consumer<Response> observer;

  public PlatformHttp(URI base, Duration timeout) {
    this(base, timeout, r -> { });
  }

  private PlatformHttp(URI base, Duration timeout, Consumer<Response> observer) {
    this.base = base;
    this.timeout = timeout;
    this.observer = observer;
  }

  /** The same client, with every answer also given to {@code next}. */
  public PlatformHttp observed(Consumer<Response> next) {
    return new PlatformHttp(base, timeout, observer.andThen(next));
  }

  public URI base() {
    return base;
  }

  public Response get(String path) {
    return send("GET", path, Map.of(), null);
  }

  public Response get(String path, Map<String, String> headers) {
    return send("GET", path, headers, null);
  }

  public Response post(String path, String contentType, String body) {
    return send("POST", path, Map.of("Content-Type", contentType), body);
  }

  /** POST of a JSON body. */
  public Response postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  public Response postJson(String path, String body, Map<String, String> headers) {
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.putIfAbsent("Content-Type", "application/json");
    return send("POST", path, all, body);
  }

  public Response delete(String path) {
    return send("DELETE", path, Map.of(), null);
  }

  /** Any method; {@code body} null sends none. */
  public Response send(String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path)).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      Response answer = new Response(request.method(), request.uri(), response.statusCode(), response.headers().map(),
          response.body());
      observer.accept(answer);
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
    }
  }

  public URI resolve(String path) {
    return URI.create(base + (path.startsWith("/") ? path : "/" + path));
  }

  /** An answer; {@link #toString()} describes it for assertion messages. */
  public record Response(String method, URI uri, int status, Map<String, List<String>> headers, String body) {

    public String request() {
      return method + " " + uri;
    }

    /** The first value of a header (names are case-insensitive), or null. */
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public Optional<String> optionalHeader(String name) {
      return Optional.ofNullable(header(name));
    }

    public String contentType() {
      String type = header("Content-Type");
      return type == null ? "" : type;
    }

    public boolean isJson() {
      String type = contentType().toLowerCase(Locale.ROOT);
      return type.startsWith("application/json") || type.startsWith("application/problem+json");
    }

    /** @throws AssertionError when the body is not JSON */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError(this + " is not JSON: " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return request() + " -> " + status + " " + contentType() + " "
          + (body.length() > 300 ? body.substring(0, 299) + "…" : body);
    }
  }
}
