package org.vigil.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.Map;

/** Registers MPs and their accounts; mentions already stored for a newly registered handle are attributed at once. */
@ApplicationScoped
public class MpDirectory {

    private final MpHandles handles;
    private final Event<MpAccountRegistered> registered;

    MpDirectory(MpHandles handles, Event<MpAccountRegistered> registered) {
        this.handles = handles;
        this.registered = registered;
    }

    /** Registers an MP with handles by platform code (x, facebook, ...); returns the new MP's id. */
    @Transactional
    public long register(String name, Map<String, String> handlesByPlatform) {
        Mp mp = new Mp();
        mp.name = name;
        handlesByPlatform.forEach((platform, handle) -> {
            MpAccount account = new MpAccount();
            account.mp = mp;
            account.platform = platform;
            account.handle = MpAccount.normalise(handle);
            mp.accounts.add(account);
        });
        mp.persistAndFlush();
        for (MpAccount account : mp.accounts) {
            registered.fire(new MpAccountRegistered(mp.id, account.platform, account.handle));
            handles.remember(account.platform, account.handle, mp.id);
        }
        return mp.id;
    }
}
