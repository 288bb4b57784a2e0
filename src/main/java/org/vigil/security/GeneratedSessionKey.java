package org.vigil.security;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A random session-cookie key for this process when none is configured. Without it Quarkus would make one
 * up and print it in the log, where anyone reading the log could forge a session for any user. Sessions
 * then end at every restart: set {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} in production (every
 * other configuration source outranks this one).
 */
public class GeneratedSessionKey implements ConfigSource {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    private static final int LOWEST_ORDINAL = 1;
    private static final String KEY = newKey();

    private static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, KEY);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? KEY : null;
    }

    @Override
    public String getName() {
        return "vigil-generated-session-key";
    }

    @Override
    public int getOrdinal() {
        return LOWEST_ORDINAL;
    }
}
