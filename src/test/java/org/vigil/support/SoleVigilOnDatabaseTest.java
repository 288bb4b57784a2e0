package org.vigil.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A test run refuses a database another Vigil works on, and Vigil's own connections say who they are. */
@QuarkusTest
class SoleVigilOnDatabaseTest {

    @Inject
    AgroalDataSource dataSource;

    private final Config config = ConfigProvider.getConfig();
    private final String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
    private final String user = config.getValue("quarkus.datasource.username", String.class);
    private final String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);

    @Test
    void refusesWhileAnotherConnectionByThatNameIsOpenAndAcceptsOnceItCloses() throws Exception {
        String name = "vigil-guard-test-" + UUID.randomUUID();
        try (Connection other = SoleVigilOnDatabase.connect(url, user, password, name)) {
            assertThatThrownBy(() -> SoleVigilOnDatabase.require(url, user, password, name, Duration.ZERO))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("1 connection(s) named '" + name + "'")
                    .hasMessageContaining("another Vigil");
        }
        assertThatCode(() -> SoleVigilOnDatabase.require(url, user, password, name, Duration.ofSeconds(15)))
                .doesNotThrowAnyException();
    }

    @Test
    void theServiceUnderTestIsSeenAsAVigilOnItsDatabase() throws Exception {
        try (Connection held = dataSource.getConnection()) {
            assertThatThrownBy(() -> SoleVigilOnDatabase.require(url, user, password, SoleVigilOnDatabase.VIGIL,
                    Duration.ZERO)).hasMessageContaining("named 'vigil'");
        }
    }
}
