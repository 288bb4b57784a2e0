package org.vigil.directory;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Map;

/** Registers MPs and their accounts; mentions already stored for a newly registered handle are attributed at once. */
@ApplicationScoped
public class MpDirectory {

    private final MpHandles handles;

    MpDirectory(MpHandles handles) {
        this.handles = handles;
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
            Panache.getEntityManager().createNativeQuery("""
                            UPDATE mention SET mp_id = ?1
                            WHERE mp_id IS NULL AND platform = ?2 AND lower(ltrim(mp_handle, '@')) = ?3""")
                    .setParameter(1, mp.id).setParameter(2, account.platform).setParameter(3, account.handle)
                    .executeUpdate();
            handles.remember(account.platform, account.handle, mp.id);
        }
        return mp.id;
    }
}
