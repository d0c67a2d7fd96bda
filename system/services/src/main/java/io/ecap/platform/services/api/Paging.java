package io.ecap.platform.services.api;

import io.javalin.http.Context;

/** {@code page} (from 0) and {@code size} (1-100, default 20) query parameters. */
public record Paging(int page, int size) {

  public static final int MAX_SIZE = 100;

  public static Paging of(Context ctx) {
    return new Paging(intParam(ctx.queryParam("page"), "page", 0, 0, 1_000_000),
        intParam(ctx.queryParam("size"), "size", 20, 1, MAX_SIZE));
  }

  static int intParam(String value, String name, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(value.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ProblemException.invalid(name, "must be an integer between " + min + " and " + max + ", got '" + value + "'");
  }
}
