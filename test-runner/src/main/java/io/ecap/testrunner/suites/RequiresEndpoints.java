package io.ecap.testrunner.suites;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The endpoints a suite class needs. When one is not configured the class is skipped, and reported
 * as skipped with the variable's name: never run against nothing, never counted as passed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(EndpointCondition.class)
public @interface RequiresEndpoints {
  Endpoint[] value();
}
