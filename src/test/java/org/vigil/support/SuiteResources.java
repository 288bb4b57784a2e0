package org.vigil.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database, the test integrations and the SMTP server once for every Quarkus test and integration test. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIntegrations.class)
@QuarkusTestResource(FreeManagementPort.class)
@QuarkusTestResource(SmtpTestResource.class)
public class SuiteResources {
}
