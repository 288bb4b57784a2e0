package org.vigil.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.support.Webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile requests, signed, against both webhooks: malformed JSON, wrong types, huge and
 * deeply nested bodies, odd headers, lone surrogates, control characters and odd Unicode. Each must be
 * answered 2xx or 4xx problem+json, and every mention reported stored must be in the database exactly
 * as sent. The seed is fixed so a failure can be replayed; {@code -Dvigil.fuzz.seed=...} tries another.
 */
@QuarkusTest
class HostileRequestsFuzzTest {

    private static final int REQUESTS = 1_200;
    private static final long SEED = Long.getLong("vigil.fuzz.seed", 20261129L);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Strings that have broken parsers and databases before; the \\u escapes are written as escapes. */
    private static final String[] ODD = {
            "\ud800", "\udfff", "\udc00\ud800", "a\ud83d", "\ud83d\ude00", "\udbff\udfff", "\u0000", "\u0001",
            "\u001f", "\u007f", "\u0085", "\u2028", "\u2029", "\ufeff", "\u202e", "\u200b", "e\u0301\u0301\u0301",
            "\ufffe", "\uffff", "\ufffd", "\"", "\\", "/", "'; DROP TABLE mention; --", "<script>alert(1)</script>",
            "ＡＢＣ", "𝐤𝐢𝐥𝐥", "ǅ", "İ", "ß", " ", "", "\t\n\r", "%00", "${jndi:ldap://x}", "k1ll"};
    private static final String[] CONTENT_TYPES = {
            "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/json;charset=UTF-8",
            "application/json; charset=latin1", "text/plain", "application/*", "*/*", ";;;", "application/problem+json",
            "application/json; boundary=\"x"};

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Random random;
    private double hostility;
    private final List<byte[]> acceptedBodies = new ArrayList<>();

    @Test
    void answersEveryHostileRequestWithA2xxOr4xxProblemAndStoresExactlyWhatWasSent() throws Exception {
        random = new Random(SEED);
        int mentionsChecked = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            boolean mentions = random.nextInt(10) < 6;
            Request request = mentions ? mentionsRequest(i) : classifyRequest(i);
            HttpResponse<byte[]> response;
            try {
                response = send(request);
            } catch (IOException e) {
                throw new AssertionError("seed %d, request %d (%s, %d bytes): no answer".formatted(
                        SEED, i, request.kind, request.body.length), e);
            }
            String context = "seed %d, request %d (%s): %d %s".formatted(SEED, i, request.kind, response.statusCode(),
                    new String(response.body(), StandardCharsets.UTF_8));
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            assertThat(status).as(context).isBetween(200, 499);
            if (status >= 400) {
                assertThat(response.headers().firstValue("content-type")).as(context)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(JSON.readTree(response.body()).path("type").asText()).as(context).startsWith("/problems/");
                if (mentions && request.freshId) {
                    assertThat(storedDelivery(request.webhookId)).as(context).isNull();
                }
            } else if (mentions && response.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")) {
                // The stored answer may only be replayed for the very same body.
                assertThat(storedDelivery(request.webhookId)).as(context).isEqualTo(request.body);
            } else if (mentions) {
                mentionsChecked += checkStored(request, JSON.readTree(response.body()), context);
            } else {
                assertThat(JSON.readTree(response.body()).path("scores").size()).as(context).isEqualTo(3);
            }
        }
        System.out.printf("Hostile requests (seed %d): answers %s; %d stored mentions checked%n",
                SEED, statuses, mentionsChecked);
        // The generator must reach the database and every kind of refusal, or the checks above prove little.
        assertThat(mentionsChecked).isGreaterThan(100);
        assertThat(statuses).containsKeys(200, 202, 400, 401, 409, 413, 415, 422);
    }

    // ---------------------------------------------------------------- checking what was stored

    private int checkStored(Request request, JsonNode receipt, String context) throws Exception {
        byte[] stored = storedDelivery(request.webhookId);
        assertThat(stored).as(context + ": raw body kept byte for byte").isEqualTo(request.body);
        acceptedBodies.add(request.body);
        JsonNode sent = JSON.readTree(request.body);
        int checked = 0;
        for (JsonNode item : receipt.path("items")) {
            String status = item.path("status").asText();
            if (status.equals("rejected")) {
                continue;
            }
            JsonNode mention = sent.has("mentions") ? sent.get("mentions").get(item.path("index").asInt()) : sent;
            checkMention(UUID.fromString(item.path("id").asText()), mention, status.equals("accepted"),
                    context + " item " + item.path("index").asInt());
            checked++;
        }
        return checked;
    }

    private void checkMention(UUID id, JsonNode sent, boolean fresh, String context) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT platform, external_id, mp_handle, author_id, author_handle, author_display_name, text, url,
                       posted_at, in_reply_to, declared_lang, raw_sha256
                FROM mention WHERE id = ?""")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(context + ": reported stored").isTrue();
                assertThat(r.getString("platform")).as(context).isEqualTo(sent.get("platform").textValue().toLowerCase(Locale.ROOT));
                assertThat(r.getString("external_id")).as(context).isEqualTo(sent.get("externalId").textValue());
                if (!fresh) {
                    return; // a duplicate keeps the first copy's other fields
                }
                assertThat(r.getString("mp_handle")).as(context).isEqualTo(text(sent, "mpHandle"));
                assertThat(r.getString("author_id")).as(context).isEqualTo(text(sent.get("author"), "id"));
                assertThat(r.getString("author_handle")).as(context).isEqualTo(text(sent.get("author"), "handle"));
                assertThat(r.getString("author_display_name")).as(context).isEqualTo(text(sent.get("author"), "displayName"));
                assertThat(r.getString("text")).as(context).isEqualTo(text(sent, "text"));
                assertThat(r.getString("url")).as(context).isEqualTo(text(sent, "url"));
                assertThat(r.getTimestamp("posted_at").toInstant()).as(context)
                        .isEqualTo(OffsetDateTime.parse(sent.get("postedAt").textValue()).toInstant());
                assertThat(r.getString("in_reply_to")).as(context).isEqualTo(text(sent, "inReplyTo"));
                String lang = text(sent, "lang");
                assertThat(r.getString("declared_lang")).as(context).isEqualTo(lang == null ? null : lang.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    private byte[] storedDelivery(String webhookId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT d.body FROM webhook_delivery d JOIN integration i ON i.id = d.integration_id
                WHERE i.name = 'test' AND d.webhook_id = ?""")) {
            s.setString(1, webhookId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }

    // ---------------------------------------------------------------- generating requests

    private Request mentionsRequest(int i) {
        int kind = random.nextInt(100);
        if (kind < 5 && !acceptedBodies.isEmpty()) {
            // A sender's retry of an accepted delivery under a new webhook-id: every item is now a duplicate.
            return signedRequest("mentions", "retry", acceptedBodies.get(random.nextInt(acceptedBodies.size())), i);
        }
        byte[] body;
        String what;
        if (kind < 45) {
            what = "hostile-strings";
            body = utf8(mention(i, 0));
        } else if (kind < 60) {
            what = "batch";
            StringBuilder batch = new StringBuilder("{\"mentions\": [");
            int n = 1 + random.nextInt(6);
            for (int m = 0; m < n; m++) {
                batch.append(m == 0 ? "" : ",").append(random.nextInt(8) == 0 ? oddValue() : mention(i, m));
            }
            body = utf8(batch.append("]}").toString());
        } else if (kind < 72) {
            what = "wrong-types";
            body = utf8(wrongTypes(mention(i, 0)));
        } else if (kind < 86) {
            what = "malformed";
            body = malformed(utf8(mention(i, 0)));
        } else if (kind < 92) {
            what = "deeply-nested";
            body = deeplyNested();
        } else if (kind < 95) {
            what = "huge";
            body = huge(i);
        } else {
            what = "raw-surrogate-bytes";
            body = rawSurrogateBytes(mention(i, 0));
        }
        return signedRequest("mentions", what, body, i);
    }

    private Request classifyRequest(int i) {
        int kind = random.nextInt(100);
        byte[] body;
        String what;
        if (kind < 45) {
            what = "hostile-text";
            body = utf8("{\"text\": " + hostileString(40) + ", \"lang\": "
                    + (random.nextBoolean() ? "null" : pick("\"en\"", "\"fr-CA\"", "\"x\"", "7", hostileString(5))) + "}");
        } else if (kind < 60) {
            what = "wrong-types";
            body = utf8(wrongTypes("{\"text\": \"hello\", \"lang\": \"en\"}"));
        } else if (kind < 80) {
            what = "malformed";
            body = malformed(utf8("{\"text\": " + hostileString(20) + ", \"lang\": null}"));
        } else if (kind < 90) {
            what = "deeply-nested";
            body = deeplyNested();
        } else if (kind < 94) {
            what = "huge";
            body = huge(i);
        } else {
            what = "raw-surrogate-bytes";
            body = rawSurrogateBytes("{\"text\": \"caf\u00e9 \ud800 x\"}");
        }
        return signedRequest("classify", what, body, i);
    }

    /** A mention whose fields are each hostile with a chance drawn per mention, from none to most. */
    private String mention(int request, int item) {
        hostility = new double[]{0, 0.05, 0.15, 0.5}[random.nextInt(4)];
        String externalId = "fz-" + run + "-" + request + "-" + item;
        return "{\"platform\": " + field("\"x\"", "\"X\"", "\"bluesky\"", "\"mastodon\"", hostileString(4))
                + ", \"externalId\": " + field(quote(externalId), quote(externalId + ODD[random.nextInt(ODD.length)]),
                hostileString(8))
                + ", \"mpHandle\": " + field("\"@JaneDoeMP\"", "\"@janedoemp\"", "null", hostileString(12))
                + (random.nextInt(10) == 0 ? ", \"mp\": " + pick("1", "-1", "99999999999", "1.5", "\"1\"", "1e3") : "")
                + ", \"author\": {\"id\": " + field("\"998877\"", "null", hostileString(6))
                + ", \"handle\": " + field("\"@someone\"", hostileString(10))
                + ", \"displayName\": " + field("\"Some One\"", "null", hostileString(30)) + "}"
                + ", \"text\": " + field(quote("hello " + externalId), hostileString(200), hostileString(200))
                + ", \"url\": " + field("\"https://x.com/s/1\"", "null", "\"javascript:alert(1)\"", hostileString(10))
                + ", \"postedAt\": " + field("\"2026-11-28T10:00:00Z\"", "\"2026-11-28T10:00:00.123456+05:30\"",
                "\"2026-11-28T10:00:00.123456789Z\"", "\"2026-11-28\"", "\"+300000-01-01T00:00:00Z\"", hostileString(4))
                + ", \"inReplyTo\": " + field("null", "\"12\"", hostileString(8))
                + ", \"lang\": " + field("null", "\"fr\"", "\"EN-gb\"", "\"english!\"", hostileString(3))
                + (random.nextDouble() < hostility ? ", " + hostileString(5) + ": " + hostileString(5) : "") + "}";
    }

    /** The ordinary value, or with the current mention's hostility one of the others. */
    private String field(String ordinary, String... others) {
        return random.nextDouble() < hostility ? others[random.nextInt(others.length)] : ordinary;
    }

    /** Mostly a plain JSON string; otherwise one built from odd pieces, written raw or as \\u escapes. */
    private String hostileString(int maxPieces) {
        if (random.nextInt(3) == 0) {
            return quote("plain " + random.nextInt(1000));
        }
        StringBuilder s = new StringBuilder();
        int pieces = 1 + random.nextInt(maxPieces);
        for (int p = 0; p < pieces; p++) {
            s.append(random.nextInt(3) == 0 ? ODD[random.nextInt(ODD.length)] : "w" + random.nextInt(100) + " ");
        }
        return quote(s.toString());
    }

    /** JSON string literal; surrogates and controls always as escapes (raw they could not be written). */
    private String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            boolean pair = Character.isHighSurrogate(c) && k + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(k + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !pair || random.nextInt(8) == 0) {
                out.append("\\u%04x".formatted((int) c));
            } else if (pair) {
                out.append(c).append(value.charAt(++k));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private String oddValue() {
        return pick("1", "null", "true", "[]", "\"mention\"", "{}", "-0.0e-0", "123456789012345678901234567890");
    }

    private String wrongTypes(String json) {
        String[] fields = {"platform", "externalId", "mpHandle", "author", "text", "url", "postedAt", "lang", "mp",
                "id", "handle", "displayName"};
        String field = fields[random.nextInt(fields.length)];
        return json.replaceFirst("\"" + field + "\": (\"(?:[^\"\\\\]|\\\\.)*\"|null|[-0-9.e]+|\\{[^}]*})",
                "\"" + field + "\": " + java.util.regex.Matcher.quoteReplacement(oddValue()));
    }

    private byte[] malformed(byte[] valid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(6)) {
            case 0 -> out.writeBytes(java.util.Arrays.copyOf(valid, random.nextInt(valid.length)));
            case 1 -> {
                out.writeBytes(valid);
                out.writeBytes(utf8(pick(" {}", "x", ",", "]", "\u0000", "// comment", "\"\"")));
            }
            case 2 -> {
                byte[] copy = valid.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                out.writeBytes(copy);
            }
            case 3 -> {
                byte[] noise = new byte[random.nextInt(200)];
                random.nextBytes(noise);
                out.writeBytes(noise);
            }
            case 4 -> out.writeBytes(utf8(pick("{\"text\": \"a\", \"text\": \"b\"}", "{'text': 'single quotes'}",
                    "{\"text\": NaN}", "{\"text\": \"raw\ttab\"}", "\ufeff{\"text\": \"bom\"}", "{\"text\": \"\\x41\"}",
                    "{\"text\": \"\\u12\"}", "{\"text\"}", "[", "\"just a string\"", "42", "null")));
            default -> {
                // Invalid UTF-8: a lone continuation byte, an overlong slash, a 5-byte lead, a truncated sequence.
                out.writeBytes(java.util.Arrays.copyOf(valid, valid.length / 2));
                byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80},
                        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
                out.writeBytes(bad[random.nextInt(bad.length)]);
                out.writeBytes(java.util.Arrays.copyOfRange(valid, valid.length / 2, valid.length));
            }
        }
        return out.toByteArray();
    }

    private byte[] deeplyNested() {
        int depth = 500 + random.nextInt(50_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return utf8("{\"text\": " + open.repeat(depth) + "1" + close.repeat(random.nextInt(depth + 1)) + "}");
    }

    private byte[] huge(int request) {
        if (random.nextBoolean()) {
            // Just over the text limit, well under the body limit: a precise 422, not a 413.
            return utf8(mention(request, 0).replaceFirst("\"text\": \"[^\"]*\"", "\"text\": \"" + "a".repeat(65_537) + "\""));
        }
        return utf8("{\"text\": \"" + "\u00e9".repeat(600_000) + "\"}");
    }

    /** Surrogates encoded straight into UTF-8 bytes (CESU-8 style), which strict UTF-8 forbids. */
    private static byte[] rawSurrogateBytes(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < json.length(); k++) {
            char c = json.charAt(k);
            if (Character.isSurrogate(c)) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private Request signedRequest(String endpoint, String what, byte[] body, int i) {
        String id = "fz-" + run + "-" + i;
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignatureVerifier.sign(Webhooks.CURRENT_SECRET, id, timestamp, body);
        String contentType = "application/json";
        String timestampHeader = Long.toString(timestamp);
        boolean freshId = true;
        int headers = random.nextInt(100);
        if (headers < 8) {
            contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            what += "+content-type";
        } else if (headers < 12) {
            signature = pick("v1,", "v1,!!!", "v2," + signature.substring(3), "v1,AAAA " + signature, signature + " junk",
                    "v1," + "A".repeat(5000));
            what += "+signature";
        } else if (headers < 15) {
            timestampHeader = pick(" " + timestamp, "abc", "-1", "99999999999999999999", timestamp + ".5", "");
            what += "+timestamp";
        } else if (headers < 18 && !acceptedBodies.isEmpty() && endpoint.equals("mentions")) {
            // Re-using an earlier request's id with another body: refused, and nothing new stored under it.
            id = "fz-" + run + "-" + random.nextInt(i);
            signature = WebhookSignatureVerifier.sign(Webhooks.CURRENT_SECRET, id, timestamp, body);
            freshId = false;
            what += "+reused-id";
        }
        return new Request(endpoint, what, id, timestampHeader, signature, contentType, body, freshId);
    }

    private HttpResponse<byte[]> send(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "api/v1/webhooks/test/" + request.endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("webhook-id", request.webhookId)
                .header("webhook-signature", request.signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body));
        if (!request.timestamp.isEmpty()) {
            builder.header("webhook-timestamp", request.timestamp);
        }
        if (!request.contentType.isBlank()) {
            builder.header("content-type", request.contentType);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Request(String endpoint, String kind, String webhookId, String timestamp, String signature,
                           String contentType, byte[] body, boolean freshId) {
    }
}
