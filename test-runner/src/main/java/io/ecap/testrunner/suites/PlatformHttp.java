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
import java.util.Locale;

/** A small HTTP client for the suites: the platform's API over the wire, JSON bodies parsed on demand. */
public final class PlatformHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Duration timeout;

  public PlatformHttp(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).timeout(timeout).GET().build());
  }

  public Response post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(resolve(path)).timeout(timeout).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public URI resolve(String path) {
    return URI.create(base + (path.startsWith("/") ? path : "/" + path));
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(request.method() + " " + request.uri(), response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
    }
  }

  /** An answer; {@link #toString()} describes it for assertion messages. */
  public record Response(String request, int status, String contentType, String body) {

    public boolean isJson() {
      String type = contentType.toLowerCase(Locale.ROOT);
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
      return request + " -> " + status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 299) + "…" : body);
    }
  }
}
