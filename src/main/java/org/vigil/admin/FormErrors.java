package org.vigil.admin;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A refused form, told to the admin in one line: what was wrong with which field. */
final class FormErrors {

    private FormErrors() {
    }

    /** Runs a form action; a refused one shows the form again with what was wrong, under the problem's status. */
    static Response orShow(Supplier<Response> action, Function<String, TemplateInstance> page) {
        try {
            return action.get();
        } catch (ProblemException refused) {
            return Response.status(refused.type().status()).entity(page.apply(describe(refused))).build();
        }
    }

    static String describe(ProblemException refused) {
        if (refused.errors().isEmpty()) {
            return refused.getMessage();
        }
        return refused.errors().stream()
                .map(FieldError::detail)
                .collect(Collectors.joining("; ", refused.getMessage() + ": ", ""));
    }
}
