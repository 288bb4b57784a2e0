package org.vigil.directory;

import java.util.List;
import java.util.Optional;

/** An MP with their accounts, as pages, the API and the audit log show it. */
public record MpView(long id, String name, Optional<String> constituency, Optional<String> parliamentaryGroup,
                     List<String> languages, List<Account> accounts) {

    public record Account(long id, String platform, String handle) {
    }

    static MpView of(Mp mp) {
        return new MpView(mp.id, mp.name, Optional.ofNullable(mp.constituency), Optional.ofNullable(mp.parliamentaryGroup),
                List.of(mp.languages), mp.accounts.stream()
                .map(a -> new Account(a.id, a.platform, a.handle)).toList());
    }
}
