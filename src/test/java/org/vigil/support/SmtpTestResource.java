package org.vigil.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server (GreenMail) for the whole suite, on a free port, that tests may stop and start again
 * on the same port to play an outage, or replace with a server that accepts connections and never answers.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static ServerSetup setup;
    private static ServerSocket silent;
    private static Thread acceptor;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();

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

    /** Stops the server and listens on its port without ever answering: connections open, the greeting never comes. */
    public static void silence() {
        server.stop();
        try {
            silent = new ServerSocket();
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress(setup.getBindAddress(), setup.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                // restart() closed the socket: stop accepting.
            }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a fresh server on the same port (received mail starts empty), closing a silent one first. */
    public static void restart() {
        if (silent != null) {
            closeQuietly(silent);
            awaitAcceptorExit();
            held.forEach(SmtpTestResource::reset);
            held.clear();
            silent = null;
        }
        server = new GreenMail(setup);
        server.start();
    }

    /**
     * Closing a server socket that another thread is blocked accepting on releases the port only once that thread
     * has left {@code accept()}; GreenMail binding before then fails with "Address already in use".
     */
    private static void awaitAcceptorExit() {
        try {
            acceptor.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the silent server closed", e);
        }
    }

    /** Closes with a reset, so the port keeps no connection in TIME_WAIT that would stop GreenMail binding it. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed by its peer: nothing lingers.
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Already closed by its peer.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
