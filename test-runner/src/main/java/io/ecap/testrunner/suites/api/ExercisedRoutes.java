package io.ecap.testrunner.suites.api;

import io.ecap.testrunner.suites.PlatformHttp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records the requests a test sends (through {@link #record}) and, after the test, checks that each operation
 * its {@link Exercises} claims was requested at least once: a claim cannot outlive the code that backed it.
 */
public final class ExercisedRoutes implements BeforeEachCallback, AfterEachCallback {

  private static final ThreadLocal<List<String>> SENT = ThreadLocal.withInitial(ArrayList::new);

  /** The observer to give {@link PlatformHttp#observed}. */
  public static void record(PlatformHttp.Response response) {
    SENT.get().add(response.method() + " " + response.uri().getPath());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SENT.get().clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Exercises claimed = context.getRequiredTestMethod().getAnnotation(Exercises.class);
    List<String> sent = List.copyOf(SENT.get());
    SENT.get().clear();
    if (claimed == null || context.getExecutionException().isPresent()) {
      return;
    }
    List<String> missing = Arrays.stream(claimed.value()).filter(op -> sent.stream().noneMatch(matcher(op)))
        .toList();
    if (!missing.isEmpty()) {
      throw new AssertionError(context.getRequiredTestMethod().getName() + " claims to exercise " + missing
          + " but sent no such request; it sent " + sent);
    }
  }

  /** Whether a sent {@code "METHOD /concrete/path"} is an instance of the operation {@code "METHOD /path/{x}"}. */
  static java.util.function.Predicate<String> matcher(String operation) {
    String[] parts = operation.split(" ", 2);
    StringBuilder regex = new StringBuilder(Pattern.quote(parts[0] + " "));
    for (String piece : parts[1].split("(?=\\{)|(?<=\\})")) {
      regex.append(piece.startsWith("{") && piece.endsWith("}") ? "[^/]+" : Pattern.quote(piece));
    }
    Pattern pattern = Pattern.compile(regex.toString());
    return sent -> pattern.matcher(sent).matches();
  }
}
