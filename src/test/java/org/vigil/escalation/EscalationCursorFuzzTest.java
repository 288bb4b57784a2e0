package org.vigil.escalation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated cursors that Vigil never gave out, at the API and at the security page: random text, random bytes
 * in base64, and tokens of the right shape with a wrong state, number or field count. Each must be refused
 * with a 422 problem naming the parameter, never a 500 or a page. The seed is fixed so a failure can be
 * replayed; {@code -Dvigil.fuzz.seed=...} tries another.
 */
@QuarkusTest
class EscalationCursorFuzzTest {

    private static final int REQUESTS = 400;
    private static final long SEED = Long.getLong("vigil.fuzz.seed", 20261130L);
    private static final String[] ODD = {
            "\u0000", "\ud800", "\ud83d\ude00", "\u202e", "\ufeff", "%", "%00", "+", "/", "=", "==", ".", "..", "#",
            "&cursor=", "<script>", "'; DROP TABLE escalation_outbox; --", "${jndi:ldap://x}", "-", "_", "é", "\t"};
    private static final String[] NOT_A_STATE = {"sent", "Sent", "LOST", "SENT ", "", "PENDING\u0000", "DEADD"};
    private static final String[] NOT_A_NUMBER = {"", "-", "+1", "1e3", "0x10", "99999999999999999999", "1.5",
            " 1", "١٢", "--1"};

    @Test
    void refusesEveryGeneratedCursorWithAProblemNamingTheParameter() {
        Random random = new Random(SEED);
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        for (int i = 0; i < REQUESTS; i++) {
            String cursor = cursor(random);
            OutboxState state = OutboxState.values()[random.nextInt(OutboxState.values().length)];
            boolean api = random.nextBoolean();
            String parameter = api ? "cursor" : state.name().toLowerCase();
            Response answer = api
                    ? session.given().queryParam("state", state).queryParam("cursor", cursor).get("/api/v1/escalation/emails")
                    : session.given().queryParam(parameter, cursor).get("/escalation");

            String replay = "seed " + SEED + ", request " + i + ", " + parameter + "=" + cursor + ": " + answer.asString();
            assertThat(answer.statusCode()).as(replay).isEqualTo(422);
            assertThat(answer.contentType()).as(replay).startsWith("application/problem+json");
            assertThat(answer.jsonPath().getString("type")).as(replay).isEqualTo("/problems/invalid-fields");
            assertThat(answer.jsonPath().getString("errors[0].pointer")).as(replay).isEqualTo("?" + parameter);
        }
    }

    /** A non-blank string that is no cursor: a blank one means "from the newest" and is answered with a page. */
    private static String cursor(Random random) {
        String cursor = switch (random.nextInt(4)) {
            case 0 -> text(random);
            case 1 -> base64(randomBytes(random));
            case 2 -> base64(wrongShape(random).getBytes(StandardCharsets.UTF_8));
            default -> base64(wrongShape(random).getBytes(StandardCharsets.UTF_8)).substring(1);
        };
        return cursor.isBlank() ? cursor + "x" : cursor;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? ODD[random.nextInt(ODD.length)]
                    : String.valueOf((char) (0x21 + random.nextInt(0x5e))));
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(80)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** "STATE.micros.id" with exactly one part wrong, or with a part too many or too few. */
    private static String wrongShape(Random random) {
        String state = OutboxState.values()[random.nextInt(OutboxState.values().length)].name();
        String micros = Long.toString(random.nextLong(0, 253_402_300_799_000_000L));
        String id = Long.toString(random.nextLong(1, Long.MAX_VALUE));
        return switch (random.nextInt(7)) {
            case 0 -> NOT_A_STATE[random.nextInt(NOT_A_STATE.length)] + "." + micros + "." + id;
            case 1 -> state + "." + NOT_A_NUMBER[random.nextInt(NOT_A_NUMBER.length)] + "." + id;
            case 2 -> state + "." + micros + "." + NOT_A_NUMBER[random.nextInt(NOT_A_NUMBER.length)];
            case 3 -> state + "." + micros + "." + (random.nextBoolean() ? "0" : "-" + id);
            case 4 -> state + "." + outsideYears1To9999(random) + "." + id;
            case 5 -> state + "." + micros + "." + id + "." + id;
            default -> state + "." + micros;
        };
    }

    /** Microseconds since 1970 of an instant before the year 1 or after 9999, which no stored email has. */
    private static long outsideYears1To9999(Random random) {
        return random.nextBoolean()
                ? random.nextLong(253_402_300_800_000_000L, Long.MAX_VALUE)
                : -random.nextLong(62_135_596_800_000_001L, Long.MAX_VALUE);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
