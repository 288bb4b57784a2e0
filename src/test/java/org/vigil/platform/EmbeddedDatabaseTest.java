package org.vigil.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run command's embedded PostgreSQL: kept data, a generated password, loopback only, files in one place. */
class EmbeddedDatabaseTest {

    @TempDir
    static Path dataRoot;

    private static EmbeddedDatabase database;

    @BeforeAll
    static void start() {
        database = EmbeddedDatabase.start(dataRoot, false);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void keepsDataAcrossRestarts() throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (value text)");
            s.execute("INSERT INTO kept VALUES ('survives a restart')");
        }
        database.close();
        database = EmbeddedDatabase.start(dataRoot, false);
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT value FROM kept")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("survives a restart");
        }
    }

    @Test
    void aCommandFindsTheRunningDatabaseAndNoneOnceItStopped() {
        assertThat(EmbeddedDatabase.running(dataRoot)).hasValueSatisfying(running -> {
            assertThat(running.jdbcUrl()).isEqualTo(database.jdbcUrl());
            assertThat(running.password()).isEqualTo(database.password());
        });
        database.close();
        assertThat(EmbeddedDatabase.running(dataRoot)).isEmpty();
        database = EmbeddedDatabase.start(dataRoot, false);
        assertThat(EmbeddedDatabase.running(dataRoot)).map(EmbeddedDatabase.Running::jdbcUrl)
                .hasValue(database.jdbcUrl());
    }

    @Test
    void refusesConnectionsWithoutTheGeneratedPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.username(), "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.username(), "postgres").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void keepsThePasswordReadableByItsOwnerOnly() throws Exception {
        Path passwordFile = dataRoot.resolve("postgres.password");
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(database.password()).hasSizeGreaterThan(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
    }

    @Test
    void listensOnLoopbackOnlyWithoutAUnixSocket() throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(setting(s, "unix_socket_directories")).isEmpty();
        }
    }

    @Test
    void commitsDurablyUnlikeTheLibraryDefault() throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void unpacksItsBinariesUnderTheDataDirectory() throws Exception {
        try (var files = Files.walk(dataRoot.resolve("postgres-binaries"))) {
            assertThat(files.anyMatch(f -> f.getFileName().toString().equals("postgres"))).isTrue();
        }
    }

    @Test
    void givesAClusterMadeWithoutPasswordOneOnTheNextStart(@TempDir Path oldRoot) throws Exception {
        try (EmbeddedDatabase old = EmbeddedDatabase.start(oldRoot, false)) {
            assertThat(old.password()).isNotBlank();
        }
        // As left by Vigil before it kept a password: trusted connections, no password file.
        Files.writeString(oldRoot.resolve("postgres/pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        Files.delete(oldRoot.resolve("postgres.password"));

        try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(oldRoot, false); Connection c = connect(upgraded)) {
            assertThat(c.isValid(1)).isTrue();
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), upgraded.username(), "x").close())
                    .isInstanceOf(SQLException.class);
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
