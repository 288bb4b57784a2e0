package org.vigil.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The run command's embedded PostgreSQL keeps its data across restarts. */
class EmbeddedDatabaseTest {

    @Test
    void keepsDataAcrossRestarts(@TempDir Path dataDirectory) throws SQLException {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDirectory, false);
             Connection c = DriverManager.getConnection(first.jdbcUrl(), first.username(), "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (value text)");
            s.execute("INSERT INTO kept VALUES ('survives a restart')");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDirectory, false);
             Connection c = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT value FROM kept")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("survives a restart");
        }
    }
}
