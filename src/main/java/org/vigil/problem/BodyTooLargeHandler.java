package org.vigil.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * The HTTP layer refuses bodies over {@code quarkus.http.limits.max-body-size} before any resource
 * runs; this answers those refusals with problem+json instead of an empty 413.
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
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            Problem problem = Problem.of(ProblemType.BODY_TOO_LARGE,
                    "The body exceeds the limit of " + maxBodyBytes + " bytes", ctx.normalizedPath(), List.of());
            registry.counter("vigil.problems", "type", ProblemType.BODY_TOO_LARGE.slug()).increment();
            try {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                ctx.next();
            }
        });
    }
}
