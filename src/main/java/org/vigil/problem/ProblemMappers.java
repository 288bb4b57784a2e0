package org.vigil.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.UUID;

/**
 * Turns every exception that leaves a resource into RFC 9457 problem+json. Messages of unexpected
 * exceptions never reach the client: they are logged under an incident id that the client sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    private final MeterRegistry registry;

    ProblemMappers(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), uri, e.errors());
    }

    /** A JSON request body that does not parse; the parser's message stays in the log, not the answer. */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        LOG.debugf("Malformed JSON on %s: %s", uri.getPath(), e.getOriginalMessage());
        return respond(ProblemType.MALFORMED_JSON, "The request body is not valid JSON of the documented shape", uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getResponse().getStatus() >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = typeOf(e);
        return respond(type, type.title(), uri, List.of());
    }

    /** A database that is unreachable or busy is worth retrying; the sender's retry loses nothing. */
    @ServerExceptionMapper
    public Response storage(SQLException e, UriInfo uri) {
        if (!isTransient(e)) {
            return unexpected(e, uri);
        }
        LOG.warnf("Storage unavailable on %s: %s", uri.getPath(), e.getMessage());
        Response problem = respond(ProblemType.STORAGE_UNAVAILABLE,
                "Nothing was stored; send the same delivery again shortly", uri, List.of());
        return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response storage(StorageException e, UriInfo uri) {
        return storage(e.getCause(), uri);
    }

    static boolean isTransient(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s, incident %s", uri.getPath(), incident);
        return respond(ProblemType.INTERNAL,
                "An unexpected error occurred; quote incident " + incident + " to the operators", uri, List.of());
    }

    private Response respond(ProblemType type, String detail, UriInfo uri, List<FieldError> errors) {
        registry.counter("vigil.problems", "type", type.slug()).increment();
        return ProblemResponses.of(type, detail, uri.getPath(), errors);
    }

    private static ProblemType typeOf(WebApplicationException e) {
        if (e instanceof NotSupportedException) {
            return ProblemType.UNSUPPORTED_MEDIA_TYPE;
        }
        if (e instanceof NotAcceptableException) {
            return ProblemType.NOT_ACCEPTABLE;
        }
        if (e instanceof NotAllowedException) {
            return ProblemType.METHOD_NOT_ALLOWED;
        }
        if (e instanceof NotFoundException) {
            return ProblemType.NOT_FOUND;
        }
        return ProblemType.BAD_REQUEST;
    }
}
