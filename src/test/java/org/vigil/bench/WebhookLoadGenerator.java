package org.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends signed mention deliveries to a running Vigil over HTTP and prints what it sustained: deliveries/s,
 * accepted mentions/s, p50/p99/max latency and errors, for single-mention and 500-mention deliveries.
 *
 * <p>Every delivery has a new webhook-id and every mention a new externalId, so each one is really stored.
 * Every answer is checked: a delivery counts only if it got 202 and the receipt says every mention sent
 * was accepted (not duplicate, not rejected, not replayed); anything else is an error, printed with its
 * status. Requests started during the warm-up are sent and checked but left out of the figures.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:java@load -Dexec.args="--url http://127.0.0.1:18080 --integration bench \
 *     --secret whsec_... --mode both --concurrency 4 --warmup 30s --duration 20s"
 * </pre>
 * Options (defaults in brackets): {@code --url} [http://127.0.0.1:18080], {@code --integration} [bench],
 * {@code --secret} (or env {@code VIGIL_BENCH_SECRET}), {@code --mode single|batch|both} [both],
 * {@code --concurrency} [4] (workers, each with one request in flight on a kept-alive connection),
 * {@code --warmup} [30s, per mode; the JIT needs it], {@code --duration} [20s, measured after the warm-up],
 * {@code --batch-size} [500], {@code --max-deliveries} (optional cap on measured deliveries per worker).
 * Exits with an error if any delivery failed, so a broken server cannot produce a figure. See BENCHMARKS.md.
 */
public final class WebhookLoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_SAMPLES = 5;

    enum Mode { single, batch }

    record Options(URI baseUrl, String integration, WebhookSecret secret, List<Mode> modes, int concurrency,
                   Duration warmup, Duration duration, int batchSize, long maxDeliveriesPerWorker) {

        static Options parse(String... args) {
            Map<String, String> given = new TreeMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value pairs, got: " + args[i]);
                }
                given.put(args[i].substring(2), args[++i]);
            }
            String secret = given.getOrDefault("secret", System.getenv("VIGIL_BENCH_SECRET"));
            if (secret == null) {
                throw new IllegalArgumentException("give --secret whsec_... or VIGIL_BENCH_SECRET");
            }
            String mode = given.getOrDefault("mode", "both");
            List<Mode> modes = mode.equals("both") ? List.of(Mode.single, Mode.batch) : List.of(Mode.valueOf(mode));
            return new Options(URI.create(given.getOrDefault("url", "http://127.0.0.1:18080")),
                    given.getOrDefault("integration", "bench"), WebhookSecret.parse(secret), modes,
                    Integer.parseInt(given.getOrDefault("concurrency", "4")),
                    duration(given.getOrDefault("warmup", "30s")), duration(given.getOrDefault("duration", "20s")),
                    Integer.parseInt(given.getOrDefault("batch-size", "500")),
                    Long.parseLong(given.getOrDefault("max-deliveries", Long.toString(Long.MAX_VALUE))));
        }

        private static Duration duration(String text) {
            return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
        }

        URI endpoint() {
            String base = baseUrl.toString().replaceAll("/+$", "");
            return URI.create(base + "/api/v1/webhooks/" + integration + "/mentions");
        }
    }

    /** What one worker saw; merged after the run. */
    static final class WorkerResult {
        long[] latenciesNanos = new long[1024];
        int measured;
        long measuredMentions;
        long lastMeasuredEnd;
        long warmupDeliveries;
        final Map<String, Integer> errorsByKind = new TreeMap<>();
        final List<String> errorSamples = new ArrayList<>();

        void recordMeasured(long latency, long end, int mentions) {
            if (measured == latenciesNanos.length) {
                latenciesNanos = Arrays.copyOf(latenciesNanos, measured * 2);
            }
            latenciesNanos[measured++] = latency;
            measuredMentions += mentions;
            lastMeasuredEnd = Math.max(lastMeasuredEnd, end);
        }

        void recordError(String kind, String sample) {
            errorsByKind.merge(kind, 1, Integer::sum);
            if (errorSamples.size() < MAX_ERROR_SAMPLES) {
                errorSamples.add(kind + ": " + (sample.length() > 300 ? sample.substring(0, 300) + "..." : sample));
            }
        }
    }

    private final Options options;
    private final HttpClient http;
    private final String runId;

    WebhookLoadGenerator(Options options) {
        this.options = options;
        // HTTP/1.1 with keep-alive: each worker reuses its connection from the client's pool.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.runId = Long.toString(System.currentTimeMillis(), 36)
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    public static void main(String... args) throws Exception {
        Options options = Options.parse(args);
        WebhookLoadGenerator generator = new WebhookLoadGenerator(options);
        long errors = 0;
        List<String> results = new ArrayList<>();
        for (Mode mode : options.modes()) {
            Summary summary = generator.run(mode);
            summary.print();
            results.add(summary.resultLine());
            errors += summary.errors();
        }
        System.out.println();
        results.forEach(System.out::println);
        if (errors > 0) {
            throw new IllegalStateException(errors + " deliveries failed; the figures above are not valid");
        }
    }

    Summary run(Mode mode) throws Exception {
        int perDelivery = mode == Mode.single ? 1 : options.batchSize();
        long start = System.nanoTime();
        long measureFrom = start + options.warmup().toNanos();
        long stopAt = measureFrom + options.duration().toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency());
        List<Future<WorkerResult>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < options.concurrency(); w++) {
                int worker = w;
                futures.add(workers.submit(() -> work(mode, worker, perDelivery, measureFrom, stopAt)));
            }
            // Markers for an outside observer (bench/run-ingest-benchmark.sh samples CPU use between them).
            sleepUntil(measureFrom);
            System.out.println("MEASURE-START mode=" + mode + " pid=" + ProcessHandle.current().pid());
            sleepUntil(stopAt);
            System.out.println("MEASURE-END mode=" + mode);
            List<WorkerResult> results = new ArrayList<>();
            for (Future<WorkerResult> f : futures) {
                results.add(f.get());
            }
            return Summary.of(mode, options, perDelivery, measureFrom, results);
        } finally {
            workers.shutdownNow();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    private WorkerResult work(Mode mode, int worker, int perDelivery, long measureFrom, long stopAt) {
        WorkerResult result = new WorkerResult();
        long sequence = 0;
        long measuredDeliveries = 0;
        while (true) {
            long begin = System.nanoTime();
            if (begin >= stopAt || measuredDeliveries >= options.maxDeliveriesPerWorker()) {
                return result;
            }
            boolean measured = begin >= measureFrom;
            String webhookId = "msg_" + runId + "_" + mode + "_" + worker + "_" + sequence;
            String body = body(mode, worker, sequence, perDelivery);
            sequence++;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(options.endpoint())
                    .timeout(Duration.ofSeconds(60))
                    .header("content-type", "application/json")
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignatureVerifier.sign(options.secret(), webhookId, timestamp, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                result.recordError("exception " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                continue;
            }
            long end = System.nanoTime();
            String problem = check(response, webhookId, perDelivery);
            if (problem != null) {
                result.recordError("status " + response.statusCode(), problem + " | body: " + response.body());
            } else if (measured) {
                measuredDeliveries++;
                result.recordMeasured(end - begin, end, perDelivery);
            } else {
                result.warmupDeliveries++;
            }
        }
    }

    /** Null when the answer proves every mention sent was stored; otherwise what is wrong with it. */
    static String check(HttpResponse<String> response, String webhookId, int sent) {
        if (response.statusCode() != 202) {
            return "expected 202";
        }
        if (!"false".equals(response.headers().firstValue("Idempotent-Replayed").orElse(null))) {
            return "answer was a replay";
        }
        JsonNode receipt;
        try {
            receipt = JSON.readTree(response.body());
        } catch (Exception e) {
            return "answer is not JSON";
        }
        if (!webhookId.equals(receipt.path("webhookId").asText())) {
            return "receipt is for another webhook-id";
        }
        if (receipt.path("accepted").asInt(-1) != sent || receipt.path("duplicates").asInt(-1) != 0
                || receipt.path("rejected").asInt(-1) != 0) {
            return "expected accepted=" + sent + " duplicates=0 rejected=0";
        }
        JsonNode items = receipt.path("items");
        if (!items.isArray() || items.size() != sent) {
            return "expected " + sent + " items";
        }
        for (int i = 0; i < sent; i++) {
            JsonNode item = items.get(i);
            if (item.path("index").asInt(-1) != i || !"accepted".equals(item.path("status").asText())
                    || item.path("id").asText("").length() != 36) {
                return "item " + i + " was not accepted with an id";
            }
        }
        return null;
    }

    /** One mention, or a batch of them, each with an externalId never used before. */
    private String body(Mode mode, int worker, long sequence, int count) {
        StringBuilder json = new StringBuilder(count * 400 + 32);
        if (mode == Mode.batch) {
            json.append("{\"mentions\":[");
        }
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            String externalId = runId + "-" + mode + "-" + worker + "-" + sequence + "-" + i;
            json.append("{\"platform\":\"x\",\"externalId\":\"").append(externalId)
                    .append("\",\"mpHandle\":\"@JaneDoeMP\",")
                    .append("\"author\":{\"id\":\"998877\",\"handle\":\"@someone\",\"displayName\":\"Some One\"},")
                    .append("\"text\":\"@JaneDoeMP you voted against the bill again, your constituents will ")
                    .append("remember this at the next election. Mention ").append(externalId).append("\",")
                    .append("\"url\":\"https://x.com/someone/status/").append(externalId).append("\",")
                    .append("\"postedAt\":\"2026-11-28T10:00:00Z\",\"inReplyTo\":null,\"lang\":\"en\"}");
        }
        if (mode == Mode.batch) {
            json.append("]}");
        }
        return json.toString();
    }

    record Summary(Mode mode, Options options, int perDelivery, long deliveries, long mentions, double seconds,
                   long[] sortedLatencies, long warmupDeliveries, Map<String, Integer> errorsByKind,
                   List<String> errorSamples) {

        static Summary of(Mode mode, Options options, int perDelivery, long measureFrom, List<WorkerResult> results) {
            long deliveries = 0;
            long mentions = 0;
            long lastEnd = measureFrom;
            long warmup = 0;
            Map<String, Integer> errors = new TreeMap<>();
            List<String> samples = new ArrayList<>();
            for (WorkerResult r : results) {
                deliveries += r.measured;
                mentions += r.measuredMentions;
                lastEnd = Math.max(lastEnd, r.lastMeasuredEnd);
                warmup += r.warmupDeliveries;
                r.errorsByKind.forEach((k, v) -> errors.merge(k, v, Integer::sum));
                samples.addAll(r.errorSamples);
            }
            long[] latencies = new long[(int) deliveries];
            int at = 0;
            for (WorkerResult r : results) {
                System.arraycopy(r.latenciesNanos, 0, latencies, at, r.measured);
                at += r.measured;
            }
            Arrays.sort(latencies);
            double seconds = Math.max(1e-9, (lastEnd - measureFrom) / 1e9);
            return new Summary(mode, options, perDelivery, deliveries, mentions, seconds, latencies, warmup, errors,
                    samples.subList(0, Math.min(samples.size(), MAX_ERROR_SAMPLES)));
        }

        long errors() {
            return errorsByKind.values().stream().mapToLong(Integer::longValue).sum();
        }

        /** Nearest-rank percentile in milliseconds. */
        double percentileMillis(double p) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedLatencies.length);
            return sortedLatencies[Math.max(0, Math.min(sortedLatencies.length - 1, rank - 1))] / 1e6;
        }

        void print() {
            System.out.printf(Locale.ROOT, "%n== mode=%s (%d mention%s per delivery), concurrency=%d, warm-up %ss "
                            + "(%d deliveries, not counted), measured %.1fs%n",
                    mode, perDelivery, perDelivery == 1 ? "" : "s", options.concurrency(),
                    options.warmup().toSeconds(), warmupDeliveries, seconds);
            System.out.printf(Locale.ROOT, "deliveries:        %d  (%.1f/s)%n", deliveries, deliveries / seconds);
            System.out.printf(Locale.ROOT, "accepted mentions: %d  (%.1f/s)%n", mentions, mentions / seconds);
            System.out.printf(Locale.ROOT, "latency ms:        p50 %.2f  p99 %.2f  max %.2f%n",
                    percentileMillis(50), percentileMillis(99), percentileMillis(100));
            System.out.printf(Locale.ROOT, "errors:            %d %s%n", errors(), errors() == 0 ? "" : errorsByKind);
            errorSamples.forEach(s -> System.out.println("  e.g. " + s));
        }

        String resultLine() {
            return String.format(Locale.ROOT, "RESULT mode=%s concurrency=%d deliveries_per_s=%.1f mentions_per_s=%.1f "
                            + "p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d",
                    mode, options.concurrency(), deliveries / seconds, mentions / seconds,
                    percentileMillis(50), percentileMillis(99), percentileMillis(100), errors());
        }
    }
}
