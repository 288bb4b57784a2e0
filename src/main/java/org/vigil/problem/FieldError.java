package org.vigil.problem;

/** One invalid field of a request: an RFC 6901 JSON pointer into the body, and what is wrong there. */
public record FieldError(String pointer, String detail) {
}
