package org.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigil.webhook.WebhookSecret;
import org.vigil.webhook.WebhookSignatureVerifier;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the review queue of a running Vigil the way a team of reviewers does, over HTTP with real logins,
 * and prints: claims/s with 20 reviewers claiming and deciding at once, the latency of "next item" and of a
 * decision (p50/p99/max), the time to render the queue page's first screen, and the time from an accepted
 * webhook to the item's announcement on an open queue page (server-sent event).
 *
 * <pre>
 * psql -v items=100000 -f bench/seed-review-queue.sql "$DATABASE"      # 100,000 open items
 * ./mvnw -q -B test-compile exec:java@review-load -Dexec.args="--url http://127.0.0.1:18080 \
 *     --admin-password ... --integration bench --secret whsec_... --reviewers 20 --warmup 20s --duration 30s"
 * </pre>
 * It creates (or resets) the users {@code bench-reviewer-N} through the admin API. Every answer is checked;
 * any failure is counted and makes the run exit with status 1, so a broken server produces no figure.
 */
public final class ReviewLoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-" + UUID.randomUUID();
    private static final String THREAT = "We know where your family lives. Watch your back.";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicLong errors = new AtomicLong();

    private ReviewLoadGenerator(URI base) {
        this.base = base;
    }

    public static void main(String... args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ReviewLoadGenerator generator = new ReviewLoadGenerator(URI.create(options.getOrDefault("url", "http://127.0.0.1:18080")));
        int reviewers = Integer.parseInt(options.getOrDefault("reviewers", "20"));
        Session admin = generator.login(options.getOrDefault("admin", "admin"), required(options, "admin-password"));
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < reviewers; i++) {
            sessions.add(generator.reviewer(admin, "bench-reviewer-" + i));
        }
        Duration warmup = duration(options.getOrDefault("warmup", "20s"));
        Duration measure = duration(options.getOrDefault("duration", "30s"));
        generator.claimAndDecide(sessions, warmup, measure);
        generator.queuePage(sessions.get(0), Integer.parseInt(options.getOrDefault("pages", "200")));
        generator.webhookToQueuePage(sessions.get(0), options.getOrDefault("integration", "bench"),
                WebhookSecret.parse(required(options, "secret")), Integer.parseInt(options.getOrDefault("announcements", "50")));
        System.out.printf(Locale.ROOT, "errors: %d%n", generator.errors.get());
        System.exit(generator.errors.get() == 0 ? 0 : 1);
    }

    /** Reviewers in parallel: claim the next item, dismiss it, again, for the duration after a warm-up. */
    private void claimAndDecide(List<Session> sessions, Duration warmup, Duration measure) throws Exception {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        List<Future<long[][]>> results = new ArrayList<>();
        for (Session session : sessions) {
            results.add(pool.submit(() -> {
                List<Long> claims = new ArrayList<>();
                List<Long> decisions = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> claim = send(session.post("/api/v1/review/queue/claim", ""));
                    long claimed = System.nanoTime();
                    if (claim.statusCode() != 200) {
                        fail("claim", claim);
                        continue;
                    }
                    String item = JSON.readTree(claim.body()).path("item").path("id").asText();
                    HttpResponse<String> dismiss = send(session.post("/api/v1/review/items/" + item + "/dismiss", "{}"));
                    long decided = System.nanoTime();
                    if (dismiss.statusCode() != 200) {
                        fail("dismiss", dismiss);
                    } else if (start >= measureFrom) {
                        claims.add(claimed - start);
                        decisions.add(decided - claimed);
                    }
                }
                return new long[][] {toArray(claims), toArray(decisions)};
            }));
        }
        List<long[]> claims = new ArrayList<>();
        List<long[]> decisions = new ArrayList<>();
        for (Future<long[][]> result : results) {
            claims.add(result.get()[0]);
            decisions.add(result.get()[1]);
        }
        pool.shutdown();
        long[] claimLatencies = merge(claims);
        System.out.printf(Locale.ROOT, "reviewers: %d, measured %ds after %ds warm-up%n", sessions.size(),
                measure.toSeconds(), warmup.toSeconds());
        System.out.printf(Locale.ROOT, "claims/s: %.1f (each followed by a dismissal)%n",
                claimLatencies.length / (double) measure.toSeconds());
        print("next item (claim)", claimLatencies);
        print("decision (dismiss)", merge(decisions));
    }

    /** The queue page's first screen, as a reviewer's browser asks for it. */
    private void queuePage(Session session, int pages) throws Exception {
        long[] latencies = new long[pages];
        for (int i = 0; i < pages; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = send(session.get("/review", "text/html"));
            latencies[i] = System.nanoTime() - start;
            if (page.statusCode() != 200 || !page.body().contains("queue-rows")) {
                fail("queue page", page);
            }
        }
        print("queue page, first screen", latencies);
    }

    /** Sends threats one at a time; times each from the webhook's 202 to its event on an open queue page. */
    private void webhookToQueuePage(Session session, String integration, WebhookSecret secret, int count)
            throws Exception {
        LinkedBlockingQueue<Long> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> stream = http.send(session.get("/api/v1/review/events", "text/event-stream"),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:") && line.length() > "data:".length() + 1) {
                        events.add(System.nanoTime());
                    }
                }
            } catch (java.io.IOException closed) {
                // The stream ends when the run does.
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        long[] latencies = new long[count];
        int measured = 0;
        for (int i = 0; i < count; i++) {
            events.clear();
            byte[] body = ("{\"platform\":\"x\",\"externalId\":\"bench-sse-" + UUID.randomUUID()
                    + "\",\"mpHandle\":\"@bench_mp_sse\",\"author\":{\"id\":\"bench-sse\"},\"text\":\"" + THREAT
                    + "\",\"postedAt\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
            String id = "bench-sse-" + UUID.randomUUID();
            long timestamp = Instant.now().getEpochSecond();
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(base.resolve("/api/v1/webhooks/" + integration + "/mentions"))
                    .header("content-type", "application/json").header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignatureVerifier.sign(secret, id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            long acceptedAt = System.nanoTime();
            if (accepted.statusCode() != 202) {
                fail("webhook", accepted);
                continue;
            }
            Long announced = events.poll(10, TimeUnit.SECONDS);
            if (announced == null) {
                errors.incrementAndGet();
                System.out.println("no queue event within 10 s for delivery " + id);
                continue;
            }
            latencies[measured++] = Math.max(0, announced - acceptedAt);
        }
        stream.body().close();
        print("webhook 202 -> queue page event", Arrays.copyOf(latencies, measured));
    }

    private Session reviewer(Session admin, String username) throws Exception {
        HttpResponse<String> created = send(admin.post("/api/v1/admin/users",
                JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD, "roles", List.of("reviewer")))));
        if (created.statusCode() == 409) {
            for (JsonNode user : JSON.readTree(send(admin.get("/api/v1/admin/users", "application/json")).body())) {
                if (username.equals(user.path("username").asText())) {
                    send(admin.post("/api/v1/admin/users/" + user.path("id").asLong() + "/password",
                            JSON.writeValueAsString(Map.of("password", PASSWORD))));
                }
            }
        } else if (created.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not create " + username + ": " + created.statusCode() + " " + created.body());
        }
        return login(username, PASSWORD);
    }

    private Session login(String username, String password) throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(base.resolve("/j_security_check"))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + username + "&j_password=" + password)).build());
        String session = cookie(login, "vigil-session");
        if (session == null) {
            throw new IllegalStateException("login of " + username + " failed: " + login.statusCode());
        }
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/login")).header("Cookie", "vigil-session=" + session).build());
        return new Session(session, cookie(page, "vigil-csrf"));
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElse(null);
    }

    /** A logged-in user: the session cookie and the CSRF token that goes with it. */
    private final class Session {
        private final String cookie;
        private final String csrf;

        Session(String session, String csrf) {
            this.cookie = "vigil-session=" + session + "; vigil-csrf=" + csrf;
            this.csrf = csrf;
        }

        HttpRequest get(String path, String accept) {
            return HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).header("Accept", accept).build();
        }

        HttpRequest post(String path, String json) {
            return HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .header("content-type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void fail(String what, HttpResponse<String> response) {
        if (errors.incrementAndGet() <= 5) {
            System.out.println(what + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static void print(String what, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-32s n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", what, nanos.length,
                percentile(nanos, 50), percentile(nanos, 99), nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] merge(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("give --" + name);
        }
        return value;
    }
}
