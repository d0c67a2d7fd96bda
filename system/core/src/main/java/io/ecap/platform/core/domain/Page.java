package io.ecap.platform.core.domain;

import java.util.List;

/** One page of a listing; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

  public Page {
    items = List.copyOf(items);
  }

  public long totalPages() {
    return size == 0 ? 0 : (totalItems + size - 1) / size;
  }
}
