package org.vigil.directory;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers MPs and their accounts; mentions already stored for a newly registered handle are attributed
 * at once. Joins the caller's transaction, so callers may audit in the same one.
 */
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
        return register(MpDetails.named(name), handlesByPlatform);
    }

    @Transactional
    public long register(MpDetails details, Map<String, String> handlesByPlatform) {
        Mp mp = new Mp();
        apply(mp, details);
        handlesByPlatform.forEach((platform, handle) -> mp.accounts.add(account(mp, platform, handle)));
        mp.persistAndFlush();
        mp.accounts.forEach(this::attribute);
        return mp.id;
    }

    /** Changes name, constituency, group and languages; empty when there is no such MP. */
    @Transactional
    public Optional<MpView> update(long id, MpDetails details) {
        return Mp.<Mp>findByIdOptional(id).map(mp -> {
            apply(mp, details);
            return MpView.of(mp);
        });
    }

    /** Adds an account and attributes the mentions already stored for it; empty when there is no such MP. */
    @Transactional
    public Optional<MpView> addAccount(long mpId, String platform, String handle) {
        return Mp.<Mp>findByIdOptional(mpId).map(mp -> {
            MpAccount account = account(mp, platform, handle);
            mp.accounts.add(account);
            account.persistAndFlush();
            attribute(account);
            return MpView.of(mp);
        });
    }

    /** Removes one account of the MP; its mentions keep their attribution. Empty when either is unknown. */
    @Transactional
    public Optional<MpView> removeAccount(long mpId, long accountId) {
        return Mp.<Mp>findByIdOptional(mpId).flatMap(mp -> mp.accounts.stream().filter(a -> a.id == accountId).findFirst()
                .map(account -> {
                    mp.accounts.remove(account);
                    Panache.getEntityManager().flush();
                    handles.forget(account.platform, account.handle);
                    return MpView.of(mp);
                }));
    }

    @Transactional
    public Optional<MpView> find(long id) {
        return Mp.<Mp>findByIdOptional(id).map(MpView::of);
    }

    @Transactional
    public List<MpView> list() {
        return Mp.<Mp>listAll().stream().sorted(Comparator.comparing((Mp mp) -> mp.name).thenComparing(mp -> mp.id))
                .map(MpView::of).toList();
    }

    /** Whether the account is already someone's (platform and normalised handle are unique). */
    public boolean isTaken(String platform, String handle) {
        return MpAccount.count("platform = ?1 and handle = ?2", platform, MpAccount.normalise(handle)) > 0;
    }

    private static void apply(Mp mp, MpDetails details) {
        mp.name = details.name();
        mp.constituency = details.constituency().orElse(null);
        mp.parliamentaryGroup = details.parliamentaryGroup().orElse(null);
        mp.languages = details.languages().toArray(String[]::new);
    }

    private static MpAccount account(Mp mp, String platform, String handle) {
        MpAccount account = new MpAccount();
        account.mp = mp;
        account.platform = platform;
        account.handle = MpAccount.normalise(handle);
        return account;
    }

    /** Mentions stored for the account are attributed by their owner, {@code ingest}, in this transaction. */
    private void attribute(MpAccount account) {
        registered.fire(new MpAccountRegistered(account.mp.id, account.platform, account.handle));
        handles.remember(account.platform, account.handle, account.mp.id);
    }
}
