package org.vigil.escalation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a mail server, each email becomes one .eml file a mail client opens, named after its Message-ID. */
class MailboxTransportTest {

    @TempDir
    Path folder;

    @Test
    void writesOneEmlFilePerEmailWithItsThreadHeadersAndBothBodies() throws Exception {
        MailboxTransport mailbox = new MailboxTransport(folder.resolve("mailbox"), "vigil@vigil.invalid", "localhost");
        OutboxEmail email = new OutboxEmail(UUID.randomUUID(), EmailKind.ACKNOWLEDGED,
                new Recipient("duty@security.test", "en"), "<vigil.case.ack@localhost>",
                Optional.of("<vigil.case.root@localhost>"), "[Vigil P1] acknowledged", "plain body", "<p>html body</p>");

        mailbox.deliver(email);
        mailbox.deliver(email);

        try (var files = Files.list(folder.resolve("mailbox"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("vigil.case.acklocalhost.eml");
        }
        String eml = Files.readString(folder.resolve("mailbox/vigil.case.acklocalhost.eml"));
        assertThat(eml).contains("Message-ID: <vigil.case.ack@localhost>")
                .contains("In-Reply-To: <vigil.case.root@localhost>")
                .contains("References: <vigil.case.root@localhost>")
                .contains("To: duty@security.test").contains("Subject: [Vigil P1] acknowledged")
                .contains("text/plain").contains("text/html").contains("plain body");
    }
}
