package org.vigil.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The current request's CSRF token, for templates: {@code <input type="hidden" name="{inject:csrf.parameterName}"
 * value="{inject:csrf.token}">} in forms, and the layout's {@code <meta name="csrf-token">} for JavaScript.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    /** The form field that carries the token. */
    public static final String FORM_FIELD = "csrf-token";
    /** The header that carries the token for fetch/XHR and API clients. */
    public static final String HEADER = "X-CSRF-Token";
    /** The cookie that holds the browser's token (double-submit). */
    public static final String COOKIE = "vigil-csrf";

    private String token = "";

    public String getToken() {
        return token;
    }

    public String getParameterName() {
        return FORM_FIELD;
    }

    public String getHeaderName() {
        return HEADER;
    }

    void set(String token) {
        this.token = token;
    }
}
