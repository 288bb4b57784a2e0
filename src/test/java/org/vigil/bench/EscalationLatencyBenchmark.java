package org.vigil.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.vigil.webhook.WebhookSecret;
import org.vigil.webhook.WebhookSignatureVerifier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how long a threat takes from the 202 of its webhook to its alert email accepted by SMTP, while
 * ordinary mentions flow in the background. It runs the SMTP server itself (GreenMail) on {@code --smtp-port};
 * start Vigil with {@code QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=<port>} and
 * {@code VIGIL_ESCALATION_RECIPIENTS_P1=bench@vigil.test}. Each threat has its own author (so none is
 * folded into another's case) and a unique letters-only marker that the masked email still shows.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java@escalation-latency -Dexec.args="--url http://127.0.0.1:18080 \
 *     --integration bench --secret whsec_... --smtp-port 2525 --threats 200 --threat-rate 4 --ordinary-rate 200"
 * </pre>
 * Prints p50, p99 and max in milliseconds; exits with status 1 if any threat's email never arrived.
 */
public final class EscalationLatencyBenchmark {

    private static final Pattern MARKER = Pattern.compile("zq[a-p]{6}");
    private static final String THREAT = "I will kill you %s. I know where you live, watch your back.";

    private EscalationLatencyBenchmark() {
    }

    public static void main(String... args) throws Exception {
        Map<String, String> given = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].substring(2), args[i + 1]);
        }
        URI url = URI.create(given.getOrDefault("url", "http://127.0.0.1:18080") + "/api/v1/webhooks/"
                + given.getOrDefault("integration", "bench") + "/mentions");
        WebhookSecret secret = WebhookSecret.parse(given.getOrDefault("secret", System.getenv("VIGIL_BENCH_SECRET")));
        int threats = Integer.parseInt(given.getOrDefault("threats", "200"));
        double threatRate = Double.parseDouble(given.getOrDefault("threat-rate", "4"));
        int ordinaryRate = Integer.parseInt(given.getOrDefault("ordinary-rate", "200"));
        String handle = given.getOrDefault("mp-handle", "@BenchMP");

        GreenMail smtp = new GreenMail(new ServerSetup(Integer.parseInt(given.getOrDefault("smtp-port", "2525")),
                "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Long> emailed = new ConcurrentHashMap<>();
        AtomicLong ordinarySent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ScheduledExecutorService background = Executors.newScheduledThreadPool(3);
        try {
            int perTick = Math.max(1, ordinaryRate / 10);
            background.scheduleAtFixedRate(() -> {
                StringBuilder body = new StringBuilder("{\"mentions\": [");
                for (int i = 0; i < perTick; i++) {
                    body.append(i == 0 ? "" : ",").append(mention(handle, "citizen-" + UUID.randomUUID(),
                            "What is your position on the rail timetable for line " + (char) ('a' + i % 26) + "?"));
                }
                int status = send(http, url, secret, body.append("]}").toString());
                if (status != 202) {
                    errors.incrementAndGet();
                    System.err.println("ordinary delivery refused with status " + status);
                }
                ordinarySent.addAndGet(perTick);
            }, 0, 100, TimeUnit.MILLISECONDS);
            AtomicLong seen = new AtomicLong();
            background.scheduleWithFixedDelay(() -> collect(smtp, emailed, seen), 0, 5, TimeUnit.MILLISECONDS);

            Thread.sleep(5_000);
            long gapNanos = (long) (1e9 / threatRate);
            for (int i = 0; i < threats; i++) {
                long start = System.nanoTime();
                String marker = marker(i);
                int status = send(http, url, secret, "{\"mentions\": [" + mention(handle, "threat-" + UUID.randomUUID(),
                        THREAT.formatted(marker)) + "]}");
                if (status == 202) {
                    accepted.put(marker, System.nanoTime());
                } else {
                    errors.incrementAndGet();
                    System.err.println("threat delivery refused with status " + status);
                }
                long wait = gapNanos - (System.nanoTime() - start);
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (emailed.keySet().containsAll(accepted.keySet()) == false && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        } finally {
            background.shutdownNow();
            background.awaitTermination(5, TimeUnit.SECONDS);
            smtp.stop();
        }
        report(accepted, emailed, ordinarySent.get(), errors.get(), threatRate, ordinaryRate);
    }

    /** Records the arrival of emails received since the last call (GreenMail lists them in arrival order). */
    private static void collect(GreenMail smtp, Map<String, Long> emailed, AtomicLong seen) {
        MimeMessage[] received = smtp.getReceivedMessages();
        long now = System.nanoTime();
        for (int i = (int) seen.get(); i < received.length; i++) {
            Matcher marker = MARKER.matcher(GreenMailUtil.getBody(received[i]));
            if (marker.find()) {
                emailed.putIfAbsent(marker.group(), now);
            }
        }
        seen.set(received.length);
    }

    private static void report(Map<String, Long> accepted, Map<String, Long> emailed, long ordinary, long errors,
                               double threatRate, int ordinaryRate) {
        List<Double> latencies = new ArrayList<>();
        accepted.forEach((marker, at) -> {
            Long arrived = emailed.get(marker);
            if (arrived != null) {
                latencies.add((arrived - at) / 1e6);
            }
        });
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int missing = accepted.size() - sorted.length;
        System.out.printf("threats accepted %d, emailed %d, missing %d; ordinary mentions sent %d (%d/s target), "
                        + "threat rate %.1f/s, send errors %d%n", accepted.size(), sorted.length, missing, ordinary,
                ordinaryRate, threatRate, errors);
        if (sorted.length > 0) {
            System.out.printf("webhook 202 -> email accepted by SMTP: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1]);
        }
        if (missing > 0 || errors > 0 || accepted.isEmpty()) {
            System.exit(1);
        }
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String marker(int i) {
        char[] letters = new char[6];
        for (int k = 5; k >= 0; k--) {
            letters[k] = (char) ('a' + (i & 0xF));
            i >>>= 4;
        }
        return "zq" + new String(letters);
    }

    private static String mention(String handle, String author, String text) {
        return """
                {"platform": "x", "externalId": "%s", "mpHandle": "%s", "author": {"id": "%s", "handle": "@%s"},
                 "text": "%s", "postedAt": "%s"}""".formatted(UUID.randomUUID(), handle, author, author, text,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static int send(HttpClient http, URI url, WebhookSecret secret, String body) {
        try {
            String id = "msg_" + UUID.randomUUID();
            long timestamp = Instant.now().getEpochSecond();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json").header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignatureVerifier.sign(secret, id, timestamp, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
