package org.vigil.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigil.audit.AuditLog;
import org.vigil.directory.MpDetails;
import org.vigil.directory.MpDirectory;
import org.vigil.directory.MpView;
import org.vigil.ingest.Platform;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registers and edits MPs for admins: checks the input, changes the directory and audits, in one transaction. */
@ApplicationScoped
public class MpAdmin {

    static final String OBJECT_TYPE = "mp";
    private static final int MAX_TEXT = 200;
    private static final int MAX_HANDLE = 256;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final MpDirectory directory;
    private final AuditLog audit;

    MpAdmin(MpDirectory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    /** An MP as typed by an admin; languages as tags ("en", "fr"). */
    public record MpInput(String name, String constituency, String parliamentaryGroup, List<String> languages) {
    }

    /** One account as typed by an admin. */
    public record AccountInput(String platform, String handle) {
    }

    public List<MpView> list() {
        return directory.list();
    }

    public MpView get(long id) {
        return directory.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public MpView register(MpInput input, List<AccountInput> accounts) {
        MpDetails details = details(input);
        for (int i = 0; i < accounts.size(); i++) {
            checkAccount(accounts.get(i), "/accounts/" + i);
        }
        long id = directory.register(details, Map.of());
        accounts.forEach(account -> directory.addAccount(id, platform(account), account.handle().strip()));
        MpView created = get(id);
        audit.record("mp.create", OBJECT_TYPE, Long.toString(id), null, created);
        return created;
    }

    @Transactional
    public MpView update(long id, MpInput input) {
        MpView before = get(id);
        MpView after = directory.update(id, details(input)).orElseThrow(() -> notFound(id));
        audit.record("mp.update", OBJECT_TYPE, Long.toString(id), before, after);
        return after;
    }

    @Transactional
    public MpView addAccount(long id, AccountInput account) {
        MpView before = get(id);
        checkAccount(account, "");
        MpView after = directory.addAccount(id, platform(account), account.handle().strip()).orElseThrow(() -> notFound(id));
        audit.record("mp.account-add", OBJECT_TYPE, Long.toString(id), before, after);
        return after;
    }

    @Transactional
    public MpView removeAccount(long id, long accountId) {
        MpView before = get(id);
        MpView after = directory.removeAccount(id, accountId).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "MP " + id + " has no account " + accountId));
        audit.record("mp.account-remove", OBJECT_TYPE, Long.toString(id), before, after);
        return after;
    }

    private static MpDetails details(MpInput input) {
        if (input == null) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "A body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > MAX_TEXT) {
            errors.add(new FieldError("/name", "required, at most " + MAX_TEXT + " characters"));
        }
        Optional<String> constituency = optionalText(input.constituency(), "/constituency", errors);
        Optional<String> group = optionalText(input.parliamentaryGroup(), "/parliamentaryGroup", errors);
        List<String> languages = input.languages() == null ? List.of() : input.languages().stream()
                .map(String::strip).filter(l -> !l.isEmpty()).map(String::toLowerCase).distinct().toList();
        if (languages.stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
            errors.add(new FieldError("/languages", "each language must be a 2-3 letter code such as en or fr"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The MP has invalid fields", errors);
        }
        return new MpDetails(name, constituency, group, languages);
    }

    private static Optional<String> optionalText(String value, String pointer, List<FieldError> errors) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > MAX_TEXT) {
            errors.add(new FieldError(pointer, "at most " + MAX_TEXT + " characters"));
        }
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }

    private void checkAccount(AccountInput account, String pointer) {
        if (account == null || Platform.fromCode(account.platform() == null ? "" : account.platform().strip()).isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "Unknown platform",
                    List.of(new FieldError(pointer + "/platform", "must be one of " + Platform.CODES)));
        }
        String handle = account.handle() == null ? "" : account.handle().strip();
        if (handle.isEmpty() || handle.equals("@") || handle.length() > MAX_HANDLE) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "Invalid handle",
                    List.of(new FieldError(pointer + "/handle", "required, at most " + MAX_HANDLE + " characters")));
        }
        if (directory.isTaken(platform(account), handle)) {
            throw new ProblemException(ProblemType.CONFLICT, "The account " + handle + " on " + platform(account)
                    + " already belongs to an MP");
        }
    }

    private static String platform(AccountInput account) {
        return Platform.fromCode(account.platform().strip()).orElseThrow().code();
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No MP with id " + id);
    }

    /** Languages typed as "en, fr" in a form. */
    static List<String> splitLanguages(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[,\\s]+")).filter(l -> !l.isBlank()).toList();
    }
}
