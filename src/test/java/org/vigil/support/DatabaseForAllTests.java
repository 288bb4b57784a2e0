package org.vigil.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresTestResource} once for every @QuarkusTest in the suite. */
@QuarkusTestResource(PostgresTestResource.class)
public class DatabaseForAllTests {
}
