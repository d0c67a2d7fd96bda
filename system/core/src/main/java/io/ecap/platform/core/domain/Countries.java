package io.ecap.platform.core.domain;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {

  private static final Set<String> ISO = Set.of(Locale.getISOCountries());

  private Countries() {
  }

  public static boolean isIsoCode(String code) {
    return code != null && ISO.contains(code);
  }
}
