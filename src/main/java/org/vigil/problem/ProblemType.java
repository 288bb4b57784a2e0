package org.vigil.problem;

/**
 * Every kind of error Vigil answers with. The {@link #uri()} is stable: clients may switch on it.
 * Titles are fixed per type; the detail of each answer says what exactly went wrong.
 */
public enum ProblemType {
    UNKNOWN_INTEGRATION(404, "unknown-integration", "Unknown integration"),
    SIGNATURE_MISSING(401, "signature-missing", "Webhook signature headers missing"),
    SIGNATURE_MALFORMED(401, "signature-malformed", "Webhook signature headers malformed"),
    SIGNATURE_INVALID(401, "signature-invalid", "Webhook signature does not match"),
    TIMESTAMP_OUT_OF_TOLERANCE(401, "timestamp-out-of-tolerance", "Webhook timestamp too old or too far ahead"),
    WEBHOOK_ID_REUSED(409, "webhook-id-reused", "Webhook id reused for a different body"),
    WEBHOOK_ID_REPLAYED(409, "webhook-id-replayed", "Webhook id already used"),
    MALFORMED_JSON(400, "malformed-json", "Request body is not valid JSON"),
    INVALID_FIELDS(422, "invalid-fields", "Request has missing or invalid fields"),
    TEXT_TOO_LONG(422, "text-too-long", "Text longer than the documented maximum"),
    BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
    TOO_MANY_ITEMS(413, "too-many-items", "Too many items in one delivery"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported content type"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable response type"),
    NOT_FOUND(404, "not-found", "Resource not found"),
    REVIEW_CONFLICT(409, "review-conflict", "The review item's state does not allow this"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    BAD_REQUEST(400, "bad-request", "Bad request"),
    UNAUTHENTICATED(401, "unauthenticated", "Log in first"),
    FORBIDDEN(403, "forbidden", "Not allowed for your roles"),
    CSRF_TOKEN_INVALID(403, "csrf-token-invalid", "CSRF token missing or wrong"),
    TOO_MANY_LOGIN_ATTEMPTS(429, "too-many-login-attempts", "Too many failed logins; try again later"),
    CONFLICT(409, "conflict", "Conflicts with the current state"),
    INVALID_RULES(422, "invalid-rules", "Rule file refused; nothing was changed"),
    RULES_CHANGED(409, "rules-changed", "The rules changed since the version edited"),
    NOT_IN_DEAD_LETTER(409, "not-in-dead-letter", "Only an email in the dead letter can be sent again"),
    CASE_CLOSED(409, "case-closed", "The case is no longer in a state that allows this"),
    SECRETS_KEY_MISSING(503, "secrets-key-missing", "No key to encrypt stored secrets is configured"),
    STORAGE_UNAVAILABLE(503, "storage-unavailable", "Storage temporarily unavailable; retry later"),
    INTERNAL(500, "internal-error", "Internal error");

    /** Relative URI under which each type is documented; see {@code ProblemTypeResource}. */
    public static final String BASE_URI = "/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return BASE_URI + slug;
    }
}
