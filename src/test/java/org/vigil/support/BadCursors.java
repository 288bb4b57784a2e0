package org.vigil.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generated cursors that Vigil never gave out for a list: random text, random bytes in base64, and tokens of the
 * right shape ("LIST.micros.id") with a wrong list, number or field count, or oversized. A fuzz test sends them
 * and expects each to be refused with a 422 problem naming its parameter, never a 500 or a page.
 */
public final class BadCursors {

    private static final String[] ODD = {
            "\u0000", "\ud800", "\ud83d\ude00", "\u202e", "\ufeff", "%", "%00", "+", "/", "=", "==", ".", "..", "#",
            "&cursor=", "<script>", "'; DROP TABLE escalation_outbox; --", "${jndi:ldap://x}", "-", "_", "é", "\t"};
    /** Names of no list, or of a list other than the one asked for (those are removed from this per test). */
    private static final List<String> NOT_THE_LIST = List.of("sent", "Sent", "LOST", "SENT ", "", "PENDING\u0000", "DEADD",
            "audit", "AUDIT", "SENT", "DEAD", "PENDING");
    private static final String[] NOT_A_NUMBER = {"", "-", "+1", "1e3", "0x10", "99999999999999999999", "1.5",
            " 1", "١٢", "--1"};

    private final Random random;
    private final List<String> lists;
    private final List<String> notTheList;

    /** @param lists the names of the lists the target accepts cursors of */
    public BadCursors(Random random, List<String> lists) {
        this.random = random;
        this.lists = List.copyOf(lists);
        this.notTheList = NOT_THE_LIST.stream().filter(name -> !lists.contains(name)).toList();
    }

    /** A non-blank string that is no cursor: a blank one means "from the newest" and is answered with a page. */
    public String next() {
        String cursor = switch (random.nextInt(5)) {
            case 0 -> text();
            case 1 -> base64(randomBytes());
            case 2 -> base64(wrongShape().getBytes(StandardCharsets.UTF_8));
            case 3 -> base64(wrongShape().getBytes(StandardCharsets.UTF_8)).substring(1);
            default -> oversized();
        };
        return cursor.isBlank() ? cursor + "x" : cursor;
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? ODD[random.nextInt(ODD.length)]
                    : String.valueOf((char) (0x21 + random.nextInt(0x5e))));
        }
        return text.toString();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(80)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** "LIST.micros.id" with exactly one part wrong, or with a part too many or too few. */
    private String wrongShape() {
        String list = lists.get(random.nextInt(lists.size()));
        String micros = Long.toString(random.nextLong(0, 253_402_300_799_000_000L));
        String id = Long.toString(random.nextLong(1, Long.MAX_VALUE));
        return switch (random.nextInt(7)) {
            case 0 -> notTheList.get(random.nextInt(notTheList.size())) + "." + micros + "." + id;
            case 1 -> list + "." + NOT_A_NUMBER[random.nextInt(NOT_A_NUMBER.length)] + "." + id;
            case 2 -> list + "." + micros + "." + NOT_A_NUMBER[random.nextInt(NOT_A_NUMBER.length)];
            case 3 -> list + "." + micros + "." + (random.nextBoolean() ? "0" : "-" + id);
            case 4 -> list + "." + outsideYears1To9999() + "." + id;
            case 5 -> list + "." + micros + "." + id + "." + id;
            default -> list + "." + micros;
        };
    }

    /** A valid-looking token padded far beyond any cursor, up to what a request line carries (about 4 KB). */
    private String oversized() {
        String list = lists.get(random.nextInt(lists.size()));
        String padded = list + "." + "0".repeat(100 + random.nextInt(2_500)) + "1.1";
        return base64(padded.getBytes(StandardCharsets.UTF_8));
    }

    /** Microseconds since 1970 of an instant before the year 1 or after 9999, which no stored row has. */
    private long outsideYears1To9999() {
        return random.nextBoolean()
                ? random.nextLong(253_402_300_800_000_000L, Long.MAX_VALUE)
                : -random.nextLong(62_135_596_800_000_001L, Long.MAX_VALUE);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
