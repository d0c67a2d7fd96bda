package io.ecap.testrunner.suites.api;

import io.ecap.testrunner.suites.Endpoint;
import io.ecap.testrunner.suites.RequiresEndpoints;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** A class of the {@code api} suite: needs the API, and its {@link Exercises} claims are checked. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("api")
@RequiresEndpoints(Endpoint.API)
@ExtendWith(ExercisedRoutes.class)
public @interface ApiSuite {
}
