package io.ecap.testenv.operator.api.validation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the Go-style durations Kubernetes resources use ({@code 30m}, {@code 1h30m}, {@code 1.5h}, {@code 250ms}). */
public final class GoDuration {

  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");

  private GoDuration() {
  }

  /** @throws IllegalArgumentException when the text is not such a duration */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    Matcher matcher = PART.matcher(text);
    int position = 0;
    BigDecimal nanos = BigDecimal.ZERO;
    while (matcher.find()) {
      if (matcher.start() != position) {
        break;
      }
      BigDecimal value = new BigDecimal(matcher.group(1));
      long unit = switch (matcher.group(2)) {
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos = nanos.add(value.multiply(BigDecimal.valueOf(unit)));
      position = matcher.end();
    }
    if (position != text.length()) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 30m, 1h30m)");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }
}
