package org.vigil.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem+json responses, so every error in Vigil has the same shape. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, detail, instance, errors))
                .build();
    }
}
