package org.vigil.triage.rules;

import org.vigil.triage.TriageCandidate;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The history around one candidate, read from the database inside the triage transaction. Windows end at
 * the moment the mention was received, so triaging again later gives the same answer. A read-only history
 * (for trying rules) finds campaigns the same way but groups nothing.
 */
final class DatabaseHistory implements History {

    /** Most recent signatures compared per mention; a campaign is visible well within that many. */
    static final int CAMPAIGN_SCAN_LIMIT = 2000;

    private final HistoryRepository repository;
    private final TriageCandidate candidate;
    private final String target;
    private final int[] signature;
    private final boolean groupsCampaigns;

    DatabaseHistory(HistoryRepository repository, TriageCandidate candidate, String target, int[] signature) {
        this(repository, candidate, target, signature, true);
    }

    private DatabaseHistory(HistoryRepository repository, TriageCandidate candidate, String target, int[] signature,
                            boolean groupsCampaigns) {
        this.repository = repository;
        this.candidate = candidate;
        this.target = target;
        this.signature = signature;
        this.groupsCampaigns = groupsCampaigns;
    }

    /** The same history that writes nothing: a campaign found is reported with the id of an existing one, or 0. */
    static DatabaseHistory readOnly(HistoryRepository repository, TriageCandidate candidate) {
        return new DatabaseHistory(repository, candidate, target(candidate), MinHash.signature(candidate.text()), false);
    }

    /** What campaigns and pile-ons are grouped by: the MP, or the account handle, a mention is aimed at. */
    static String target(TriageCandidate candidate) {
        return candidate.targetKey().orElse("unknown");
    }

    @Override
    public long authorFlagged(Duration window) {
        Instant to = candidate.receivedAt();
        return candidate.authorId().map(author -> query(() ->
                repository.authorFlagged(candidate.platform(), author, to.minus(window), to))).orElse(0L);
    }

    @Override
    public long mpFlagged(Duration window) {
        Instant to = candidate.receivedAt();
        return candidate.targetKey().isEmpty() ? 0L
                : query(() -> repository.targetFlagged(candidate, to.minus(window), to));
    }

    @Override
    public Volume mpVolume(Duration window, Duration baseline) {
        Instant to = candidate.receivedAt();
        long recent = query(() -> repository.targetMentions(candidate, to.minus(window), to));
        long before = query(() -> repository.targetMentions(candidate, to.minus(window).minus(baseline), to.minus(window)));
        double windows = baseline.toMillis() / (double) window.toMillis();
        return new Volume(recent, before / windows);
    }

    @Override
    public Optional<Campaign> campaign(double similarity, int minAuthors, Duration window) {
        if (candidate.labels().isEmpty()) {
            return Optional.empty();
        }
        Instant to = candidate.receivedAt();
        List<HistoryRepository.SignedMention> similar = new ArrayList<>();
        for (HistoryRepository.SignedMention other : query(() -> repository.recentSignatures(target,
                candidate.mentionId(), to.minus(window), to, CAMPAIGN_SCAN_LIMIT))) {
            if (MinHash.similarity(signature, other.signature()) >= similarity) {
                similar.add(other);
            }
        }
        Optional<String> self = authorKey(candidate);
        Set<String> authors = new HashSet<>();
        self.ifPresent(authors::add);
        similar.forEach(other -> other.authorKey().ifPresent(authors::add));
        if (authors.size() < minAuthors) {
            return Optional.empty();
        }
        Optional<Long> existing = similar.stream().map(HistoryRepository.SignedMention::campaignId)
                .flatMap(Optional::stream).min(Comparator.naturalOrder());
        if (!groupsCampaigns) {
            return Optional.of(new Campaign(existing.orElse(0L), authors.size(), similar.size() + 1));
        }
        long campaignId = existing.orElseGet(() -> query(() -> repository.newCampaign(target, to)));
        List<HistoryRepository.SignedMention> members = new ArrayList<>(similar);
        members.add(new HistoryRepository.SignedMention(candidate.mentionId(), self, signature, Optional.empty()));
        query(() -> {
            repository.join(campaignId, members);
            return null;
        });
        return Optional.of(query(() -> repository.campaign(campaignId)));
    }

    static Optional<String> authorKey(TriageCandidate candidate) {
        return candidate.authorId().map(id -> candidate.platform() + ":" + id);
    }

    private static <T> T query(SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the history for the triage rules", e);
        }
    }

    private interface SqlCall<T> {
        T run() throws SQLException;
    }
}
