package io.ecap.testrunner.suites.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's Prometheus alerting rules (system/services' alerts/ecap-alerts.yml, copied into the runner's
 * jar as a file at build time: the runner links no platform class): alert name to the ecap_ metrics its
 * expression reads.
 */
final class AlertRules {

  static final String RESOURCE = "/alerts/ecap-alerts.yml";
  private static final Pattern METRIC = Pattern.compile("\\b(ecap_[a-zA-Z0-9_]+)\\b");

  private AlertRules() {
  }

  static Map<String, Set<String>> metricsByAlert() {
    try (InputStream in = AlertRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new AssertionError(RESOURCE + " is not in the runner's jar (test-runner/pom.xml copies it)");
      }
      JsonNode rules = new YAMLMapper().readTree(in);
      Map<String, Set<String>> byAlert = new LinkedHashMap<>();
      for (JsonNode group : rules.path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          if (rule.has("alert")) {
            Set<String> metrics = new TreeSet<>();
            Matcher m = METRIC.matcher(rule.path("expr").asText());
            while (m.find()) {
              metrics.add(m.group(1));
            }
            byAlert.put(rule.path("alert").asText(), metrics);
          }
        }
      }
      return byAlert;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
