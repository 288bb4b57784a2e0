package org.vigil.escalation;

import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each email as one {@code .eml} file into a local folder, for a Vigil started without a mail
 * server. The file is named after the Message-ID, so a retry rewrites the same file instead of adding one.
 */
final class MailboxTransport implements MailTransport {

    /** How outbox rows record this transport. */
    static final String NAME = "mailbox";

    private final Path directory;
    private final String from;
    private final String hostname;

    MailboxTransport(Path directory, String from, String hostname) {
        this.directory = directory;
        this.from = from;
        this.hostname = hostname;
    }

    @Override
    public String name() {
        return NAME;
    }

    Path directory() {
        return directory;
    }

    @Override
    public void deliver(OutboxEmail email) throws IOException {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Message-ID", email.messageId());
        email.inReplyTo().ifPresent(parent -> headers.add("In-Reply-To", parent).add("References", parent));
        MailMessage message = new MailMessage()
                .setFrom(from)
                .setTo(email.recipient().address())
                .setSubject(email.subject())
                .setText(email.textBody())
                .setHtml(email.htmlBody())
                .setHeaders(headers);
        String encoded = new MailEncoder(message, hostname).encode();
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName(email.messageId()));
        Path partial = Files.createTempFile(directory, ".writing-", ".eml");
        Files.writeString(partial, encoded, StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String fileName(String messageId) {
        return messageId.replaceAll("[^A-Za-z0-9._-]", "") + ".eml";
    }
}
