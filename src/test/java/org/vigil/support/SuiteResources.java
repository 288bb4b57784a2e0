package org.vigil.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database and the test integrations once for every Quarkus test and integration test. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIntegrations.class)
@QuarkusTestResource(FreeManagementPort.class)
public class SuiteResources {
}
