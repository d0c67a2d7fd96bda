package io.ecap.platform.services.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, sent as {@code application/problem+json}. {@code type} is a URI under
 * {@value #TYPE_BASE}; {@code errors} names each offending field; {@code traceId} ties the answer to the logs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String traceId) {

  public static final String TYPE_BASE = "https://ecap.io/problems/";
  public static final String CONTENT_TYPE = "application/problem+json";

  public static Problem of(ProblemException e, String instance, String traceId) {
    return new Problem(TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), instance, e.errors(), traceId);
  }
}
