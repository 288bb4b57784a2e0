package org.vigil.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database failures tell the sender to retry (503) rather than report a bug (500). */
class TransientStorageErrorTest {

    @Test
    void treatsLostConnectionsOverloadAndDeadlocksAsRetryable() {
        assertThat(ProblemMappers.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
        assertThat(ProblemMappers.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(ProblemMappers.isTransient(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(ProblemMappers.isTransient(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(ProblemMappers.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
    }

    @Test
    void treatsSchemaAndConstraintErrorsAsBugs() {
        assertThat(ProblemMappers.isTransient(new SQLException("relation does not exist", "42P01"))).isFalse();
        assertThat(ProblemMappers.isTransient(new SQLException("not null violation", "23502"))).isFalse();
        assertThat(ProblemMappers.isTransient(new SQLException("no state"))).isFalse();
    }
}
