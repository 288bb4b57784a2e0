package org.vigil.support;

import org.vigil.paging.PageCursor.KeyPart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generated cursors that Vigil never gave out for a list: random text, random bytes in base64, and tokens of the
 * right shape ("LIST.value.value...", one value per part of the list's sort key) with a wrong list, a value out of
 * its part's range or form, a value too many or too few, or oversized. A fuzz test sends them
 * and expects each to be refused with a 422 problem naming its parameter, never a 500 or a page.
 */
public final class BadCursors {

    private static final String[] ODD = {
            "\u0000", "\ud800", "\ud83d\ude00", "\u202e", "\ufeff", "%", "%00", "+", "/", "=", "==", ".", "..", "#",
            "&cursor=", "<script>", "'; DROP TABLE escalation_outbox; --", "${jndi:ldap://x}", "-", "_", "é", "\t"};
    /** Names of no list, or of a list other than the one asked for (those are removed from this per test). */
    private static final List<String> NOT_THE_LIST = List.of("sent", "Sent", "LOST", "SENT ", "", "PENDING\u0000", "DEADD",
            "audit", "AUDIT", "SENT", "DEAD", "PENDING", "queue", "QUEUE");
    private static final String[] NOT_A_NUMBER = {"", "-", "+1", "1e3", "0x10", "99999999999999999999", "1.5",
            " 1", "١٢", "--1"};
    private static final String[] NOT_A_UUID = {"", "0", "00000000-0000-0000-0000-00000000000g",
            "00000000000000000000000000000001", "{00000000-0000-0000-0000-000000000001}", "1-1-1-1-1",
            "ABCDEF00-0000-0000-0000-000000000001", "00000000-0000-0000-0000-0000000000011"};

    private final Random random;
    private final List<String> lists;
    private final List<String> notTheList;
    private final List<KeyPart> key;

    /**
     * @param lists the names of the lists the target accepts cursors of
     * @param key   the parts of those lists' sort key, in order
     */
    public BadCursors(Random random, List<String> lists, List<KeyPart> key) {
        this.random = random;
        this.lists = List.copyOf(lists);
        this.notTheList = NOT_THE_LIST.stream().filter(name -> !lists.contains(name)).toList();
        this.key = List.copyOf(key);
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

    /** "LIST.value.value..." with exactly one part wrong, or with a value too many or too few. */
    private String wrongShape() {
        List<String> fields = new ArrayList<>();
        fields.add(lists.get(random.nextInt(lists.size())));
        key.forEach(part -> fields.add(valid(part)));
        switch (random.nextInt(4)) {
            case 0 -> fields.set(0, notTheList.get(random.nextInt(notTheList.size())));
            case 1 -> {
                int wrong = 1 + random.nextInt(key.size());
                fields.set(wrong, invalid(key.get(wrong - 1)));
            }
            case 2 -> fields.add(valid(key.get(random.nextInt(key.size()))));
            default -> fields.remove(fields.size() - 1);
        }
        return String.join(".", fields);
    }

    /** A valid-looking token padded far beyond any cursor, up to what a request line carries (about 4 KB). */
    private String oversized() {
        List<String> fields = new ArrayList<>();
        fields.add(lists.get(random.nextInt(lists.size())));
        key.forEach(part -> fields.add(valid(part)));
        fields.set(1, "0".repeat(200 + random.nextInt(2_500)) + fields.get(1));
        return base64(String.join(".", fields).getBytes(StandardCharsets.UTF_8));
    }

    private String valid(KeyPart part) {
        return switch (part.kind()) {
            case TIME -> Long.toString(random.nextLong(0, 253_402_300_799_000_000L));
            case NUMBER -> Long.toString(part.max() == Long.MAX_VALUE ? random.nextLong(part.min(), part.max())
                    : random.nextLong(part.min(), part.max() + 1));
            case UUID -> UUID.randomUUID().toString();
        };
    }

    private String invalid(KeyPart part) {
        return switch (part.kind()) {
            case TIME -> random.nextBoolean() ? NOT_A_NUMBER[random.nextInt(NOT_A_NUMBER.length)]
                    : Long.toString(outsideYears1To9999());
            case NUMBER -> switch (random.nextInt(3)) {
                case 0 -> NOT_A_NUMBER[random.nextInt(NOT_A_NUMBER.length)];
                case 1 -> Long.toString(part.min() - 1 - random.nextInt(1_000));
                default -> part.max() == Long.MAX_VALUE ? "9223372036854775808"
                        : Long.toString(part.max() + 1 + random.nextInt(1_000));
            };
            case UUID -> NOT_A_UUID[random.nextInt(NOT_A_UUID.length)];
        };
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
