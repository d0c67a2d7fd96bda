package io.ecap.testrunner.launch;

import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** How a test of a test plan is named in results: its class, its name, and the top-level class it belongs to. */
final class TestNames {

  /** The name of the case that reports a failure of a whole class (in {@code @BeforeAll}, say), as Surefire does. */
  static final String CLASS_FAILURE = "initializationError";

  private final TestPlan plan;

  TestNames(TestPlan plan) {
    this.plan = plan;
  }

  /** The test's own class (a nested class included). */
  String className(TestIdentifier id) {
    for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
      TestSource source = at.getSource().orElse(null);
      if (source instanceof MethodSource method) {
        return method.getClassName();
      }
      if (source instanceof ClassSource type) {
        return type.getClassName();
      }
    }
    return id.getDisplayName();
  }

  /** The top-level test class: the one a suite tag selects and the shard plan places. */
  String topClass(TestIdentifier id) {
    TestIdentifier at = id;
    Optional<TestIdentifier> parent = plan.getParent(at);
    while (parent.isPresent() && plan.getParent(parent.get()).isPresent()) {
      at = parent.get();
      parent = plan.getParent(at);
    }
    return at.getSource().orElse(null) instanceof ClassSource type ? type.getClassName() : className(id);
  }

  /** The method name; for an invocation of a parameterized or dynamic test, followed by its display name. */
  String name(TestIdentifier id) {
    if (id.isContainer()) {
      return CLASS_FAILURE;
    }
    if (id.getSource().orElse(null) instanceof MethodSource method) {
      boolean invocation = plan.getParent(id).flatMap(TestIdentifier::getSource).orElse(null) instanceof MethodSource;
      return invocation ? method.getMethodName() + " " + id.getDisplayName() : method.getMethodName();
    }
    for (TestIdentifier at = plan.getParent(id).orElse(null); at != null; at = plan.getParent(at).orElse(null)) {
      if (at.getSource().orElse(null) instanceof MethodSource method) {
        return method.getMethodName() + " " + id.getDisplayName();
      }
    }
    return id.getDisplayName();
  }

  boolean isClass(TestIdentifier id) {
    return id.isContainer() && id.getSource().orElse(null) instanceof ClassSource;
  }

  boolean isTopLevelClass(TestIdentifier id) {
    return isClass(id) && plan.getParent(id).map(p -> plan.getParent(p).isEmpty()).orElse(false);
  }
}
