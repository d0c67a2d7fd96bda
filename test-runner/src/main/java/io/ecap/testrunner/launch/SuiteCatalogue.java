package io.ecap.testrunner.launch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * The suites the runner knows: every JUnit tag on a top-level test class under the suites package.
 * A suite is its tag, so a new suite needs nothing but tagged classes.
 */
public final class SuiteCatalogue {

  private final Map<String, Set<String>> classesBySuite;

  SuiteCatalogue(Map<String, Set<String>> classesBySuite) {
    this.classesBySuite = classesBySuite;
  }

  /** Discovers the test classes under {@code packageName} (the classpath, i.e. the runner's jar). */
  public static SuiteCatalogue discover(Launcher launcher, String packageName) {
    TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request().selectors(selectPackage(packageName)).build());
    Map<String, Set<String>> bySuite = new TreeMap<>();
    for (TestIdentifier engine : plan.getRoots()) {
      for (TestIdentifier child : plan.getChildren(engine)) {
        if (child.getSource().orElse(null) instanceof ClassSource source) {
          for (TestTag tag : child.getTags()) {
            bySuite.computeIfAbsent(tag.getName(), t -> new TreeSet<>()).add(source.getClassName());
          }
        }
      }
    }
    return new SuiteCatalogue(bySuite);
  }

  public Set<String> suites() {
    return classesBySuite.keySet();
  }

  /**
   * The classes of the asked suites (all suites when none is asked). A class tagged with two asked
   * suites belongs to the first asked, so it runs once.
   */
  public Selection select(List<String> asked) {
    List<String> wanted = asked.isEmpty() ? List.copyOf(classesBySuite.keySet()) : asked;
    Map<String, String> suiteOfClass = new LinkedHashMap<>();
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String suite : wanted) {
      Set<String> classes = classesBySuite.get(suite);
      if (classes == null) {
        unknown.add(suite);
        continue;
      }
      known.add(suite);
      classes.forEach(c -> suiteOfClass.putIfAbsent(c, suite));
    }
    return new Selection(known, unknown, suiteOfClass);
  }

  /**
   * @param suites the asked suites the catalogue knows, in the order asked
   * @param unknown the asked suites it does not know
   * @param suiteOfClass top-level test class to the suite it runs in
   */
  public record Selection(List<String> suites, List<String> unknown, Map<String, String> suiteOfClass) {

    public List<String> classes() {
      return List.copyOf(suiteOfClass.keySet());
    }
  }
}
