package io.ecap.platform.analytics.quality;

import java.util.List;
import java.util.stream.Collectors;

/** Silver did not meet the CRITICAL rules: gold must not be computed from it. The message names each rule and count. */
public final class QualityGateFailed extends RuntimeException {

  private final transient List<RuleResult> failures;

  public QualityGateFailed(List<RuleResult> failures) {
    super("silver -> gold promotion stopped by " + failures.size() + " critical data-quality rule(s): "
        + failures.stream().map(f -> f.rule() + " failed on " + f.failingRows() + " of " + f.totalRows() + " rows")
            .collect(Collectors.joining("; ")));
    this.failures = List.copyOf(failures);
  }

  public List<RuleResult> failures() {
    return failures;
  }
}
