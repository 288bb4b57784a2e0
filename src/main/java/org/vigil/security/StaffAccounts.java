package org.vigil.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigil.audit.AuditLog;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Creates and changes staff accounts; every rule about usernames, passwords and roles lives here. */
@ApplicationScoped
public class StaffAccounts {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt ignores everything after 72 bytes; longer passwords would only look stronger. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    static final String OBJECT_TYPE = "staff_user";

    private final StaffUserRepository users;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    StaffAccounts(StaffUserRepository users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @Transactional
    public long create(String username, String password, Collection<String> roles) {
        String normalised = normaliseUsername(username);
        List<FieldError> errors = new ArrayList<>();
        if (!USERNAME.matcher(normalised).matches()) {
            errors.add(new FieldError("/username",
                    "1-64 lower-case letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        }
        passwordProblem(password).ifPresent(errors::add);
        rolesProblem(roles).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The account has invalid fields", errors);
        }
        long id = users.insert(normalised, BcryptUtil.bcryptHash(password), new TreeSet<>(roles))
                .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "The username " + normalised + " is taken"));
        audit.record("user.create", OBJECT_TYPE, Long.toString(id), null, view(id));
        return id;
    }

    @Transactional
    public void resetPassword(long id, String password) {
        StaffUserView before = require(id);
        passwordProblem(password).ifPresent(error -> {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The password is not acceptable", List.of(error));
        });
        users.updatePassword(id, BcryptUtil.bcryptHash(password));
        audit.record("user.password-reset", OBJECT_TYPE, Long.toString(id), before, view(id));
    }

    @Transactional
    public void setRoles(long id, Collection<String> roles) {
        StaffUserView before = require(id);
        rolesProblem(roles).ifPresent(error -> {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The roles are not acceptable", List.of(error));
        });
        users.updateRoles(id, new TreeSet<>(roles));
        audit.record("user.roles", OBJECT_TYPE, Long.toString(id), before, view(id));
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        StaffUserView before = require(id);
        users.updateEnabled(id, enabled);
        audit.record(enabled ? "user.enable" : "user.disable", OBJECT_TYPE, Long.toString(id), before, view(id));
    }

    public Optional<StaffAccount> find(long id) {
        return users.findById(id);
    }

    public Optional<StaffAccount> findByUsername(String username) {
        return users.findByUsername(normaliseUsername(username));
    }

    public List<StaffAccount> list() {
        return users.findAll();
    }

    public boolean none() {
        return users.count() == 0;
    }

    /** A random password of 24 URL-safe characters (144 bits). */
    public String generatePassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private StaffUserView require(long id) {
        return users.findById(id).map(StaffUserView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No user with id " + id));
    }

    private StaffUserView view(long id) {
        return require(id);
    }

    private static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<FieldError> passwordProblem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of(new FieldError("/password", "must have at least " + MIN_PASSWORD_LENGTH
                    + " characters and at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8"));
        }
        return Optional.empty();
    }

    private static Optional<FieldError> rolesProblem(Collection<String> roles) {
        if (roles == null || roles.stream().anyMatch(role -> !Roles.isKnown(role))) {
            return Optional.of(new FieldError("/roles", "each role must be one of " + Roles.ALL));
        }
        return Optional.empty();
    }

    /** The roles as a sorted set, for stable display and audit records. */
    public static Set<String> sorted(Collection<String> roles) {
        return new TreeSet<>(roles);
    }
}
