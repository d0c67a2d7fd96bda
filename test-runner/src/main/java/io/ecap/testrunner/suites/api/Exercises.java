package io.ecap.testrunner.suites.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI operations a test exercises, as {@code "METHOD /path/{template}"} exactly as /openapi.json lists
 * them. {@link ExercisedRoutes} fails the test when it did not send a request to each of them, and
 * {@link TestOpenApiCoverage} fails when an operation of the live /openapi.json is claimed by no test.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Exercises {
  String[] value();
}
