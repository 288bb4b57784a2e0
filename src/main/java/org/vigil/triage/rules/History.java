package org.vigil.triage.rules;

import java.time.Duration;
import java.util.Optional;

/** Counts around the mention being triaged, each including the mention itself when it is flagged. */
public interface History {

    /** Flagged mentions by the same author (same platform and author id), at any MP, within the window. */
    long authorFlagged(Duration window);

    /** Flagged mentions aimed at the same MP (by its handle while it is not registered) within the window. */
    long mpFlagged(Duration window);

    /** Mentions of the MP (by handle while unregistered) within the window, and the usual number per such window over the baseline. */
    Volume mpVolume(Duration window, Duration baseline);

    /**
     * The campaign this flagged mention joins: near-identical flagged texts (similarity at least
     * {@code similarity}) from at least {@code minAuthors} distinct authors within the window, this mention
     * included; empty for a mention that is not flagged.
     */
    Optional<Campaign> campaign(double similarity, int minAuthors, Duration window);

    record Volume(long recent, double usual) {
    }

    record Campaign(long id, int authors, int mentions) {
    }
}
