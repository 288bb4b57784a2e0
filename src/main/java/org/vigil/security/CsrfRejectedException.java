package org.vigil.security;

/** A state-changing request without the right CSRF token; answered 403. */
public class CsrfRejectedException extends RuntimeException {

    public CsrfRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
