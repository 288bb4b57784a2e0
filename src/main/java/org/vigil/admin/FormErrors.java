package org.vigil.admin;

import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;

import java.util.stream.Collectors;

/** A refused form, told to the admin in one line: what was wrong with which field. */
final class FormErrors {

    private FormErrors() {
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
