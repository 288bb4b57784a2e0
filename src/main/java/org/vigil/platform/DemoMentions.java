package org.vigil.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.vigil.webhook.WebhookSecret;
import org.vigil.webhook.WebhookSignatureVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the demo mentions (a threat, a racist and a sexist insult, a French threat, harsh criticism, a
 * constituent's request, and a hostile-markup sample) to the demo integration through the real signed
 * webhook, once the HTTP server listens, so that a new user finds a queue to work.
 */
@ApplicationScoped
public class DemoMentions {

    private static final Logger LOG = Logger.getLogger(DemoMentions.class);
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final int ATTEMPTS = 60;

    /** Delivers the demo mentions in the background; Vigil's start does not wait for it. */
    public void sendWhenListening(URI webhook, WebhookSecret secret) {
        byte[] body = load();
        CompletableFuture.runAsync(() -> send(webhook, secret, body));
    }

    private static void send(URI webhook, WebhookSecret secret, byte[] body) {
        HttpClient client = HttpClient.newHttpClient();
        String id = "demo_" + UUID.randomUUID();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(webhook)
                    .header("content-type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignatureVerifier.sign(secret, id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                LOG.infof("Sent the demo mentions: %d %s", response.statusCode(), response.body());
                return;
            } catch (ConnectException notListeningYet) {
                pause();
            } catch (IOException e) {
                LOG.warnf("Could not send the demo mentions: %s", e.getMessage());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("Vigil did not listen in time; the demo mentions were not sent");
    }

    private static byte[] load() {
        try (InputStream in = DemoMentions.class.getResourceAsStream("/demo/mentions.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
