package org.vigil.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
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
                    .onComplete(done -> ctx.request().connection().close());
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
