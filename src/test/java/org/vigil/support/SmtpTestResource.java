package org.vigil.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for the whole suite, on a free port, that tests may stop and start again
 * on the same port to play an outage.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static ServerSetup setup;

    @Override
    public Map<String, String> start() {
        setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        server = new GreenMail(setup);
        server.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(setup.getPort()),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** The server currently listening; a new instance after {@link #restart()}. */
    public static GreenMail server() {
        return server;
    }

    public static void shutDown() {
        server.stop();
    }

    /** Starts a fresh server on the same port (received mail starts empty). */
    public static void restart() {
        server = new GreenMail(setup);
        server.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
