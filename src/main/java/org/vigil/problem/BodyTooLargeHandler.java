package org.vigil.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Bodies over {@code quarkus.http.limits.max-body-size} are refused before they are read. The HTTP
 * layer would answer with an empty 413; this answers with problem+json, both for a declared
 * Content-Length over the limit and for a chunked body that grows past it.
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    private static final long DISCARD_LIMIT_FACTOR = 8;
    private static final long DISCARD_TIMEOUT_MILLIS = 10_000;

    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final long maxBodyBytes;

    BodyTooLargeHandler(ObjectMapper json, MeterRegistry registry,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.registry = registry;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            if (declaredLength(ctx) > maxBodyBytes) {
                refuse(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext ctx) {
        registry.counter("vigil.problems", "type", ProblemType.BODY_TOO_LARGE.slug()).increment();
        Problem problem = Problem.of(ProblemType.BODY_TOO_LARGE,
                "The body exceeds the limit of " + maxBodyBytes + " bytes", ctx.normalizedPath(), List.of());
        try {
            ctx.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    // The unread rest of the body would otherwise be parsed as the next request.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem))
                    .onComplete(done -> discardRestThenClose(ctx));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    /**
     * Closing while the client still sends makes the kernel reset the connection, and a reset can
     * destroy the 413 before the client reads it. So the rest of the body is read and dropped, within
     * bounds, and the connection closed when it ends.
     */
    private void discardRestThenClose(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long[] budget = {DISCARD_LIMIT_FACTOR * maxBodyBytes};
        long timer = ctx.vertx().setTimer(DISCARD_TIMEOUT_MILLIS, t -> connection.close());
        request.handler(chunk -> {
            budget[0] -= chunk.length();
            if (budget[0] < 0) {
                connection.close();
            }
        });
        request.endHandler(end -> {
            ctx.vertx().cancelTimer(timer);
            connection.close();
        });
        request.resume();
    }
}
