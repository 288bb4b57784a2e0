package org.vigil.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.vigil.directory.MpAccountRegistered;

import java.sql.SQLException;

/** Gives a newly registered MP the mentions that arrived for its handle before it was known. */
@ApplicationScoped
class MentionAttribution {

    private final MentionRepository mentions;

    MentionAttribution(MentionRepository mentions) {
        this.mentions = mentions;
    }

    void onAccountRegistered(@Observes MpAccountRegistered account) throws SQLException {
        mentions.attributeToMp(account.mpId(), account.platform(), account.normalisedHandle());
    }
}
