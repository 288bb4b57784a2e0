package org.vigil.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.vigil.classify.Category;
import org.vigil.classify.Contribution;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.triage.EscalationRaised;
import org.vigil.triage.QueueFilter;
import org.vigil.triage.ReviewItemRepository;
import org.vigil.triage.ReviewState;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a reviewer does to the queue. Each operation is one transaction that changes the item (if
 * its state allows), appends to its history, and fails with a 409 problem when another reviewer got there
 * first.
 */
@ApplicationScoped
public class ReviewService {

    private final ReviewItemRepository items;
    private final ReviewQueryRepository queries;
    private final ReviewActionRepository actions;
    private final Event<EscalationRaised> escalations;
    private final ReviewConfig config;
    private final Clock clock;

    ReviewService(ReviewItemRepository items, ReviewQueryRepository queries, ReviewActionRepository actions,
                  Event<EscalationRaised> escalations, ReviewConfig config, Clock clock) {
        this.items = items;
        this.queries = queries;
        this.actions = actions;
        this.escalations = escalations;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(rollbackOn = SQLException.class)
    public QueueView queue(String viewer, QueueFilter filter, int page) throws SQLException {
        int size = config.pageSize();
        List<QueueRow> rows = queries.queue(filter, size + 1, Math.max(0, page) * size);
        List<QueueView.Entry> entries = new ArrayList<>();
        for (QueueRow row : rows.subList(0, Math.min(size, rows.size()))) {
            entries.add(new QueueView.Entry(row, MaskedText.mask(row.mention().text(), List.of())));
        }
        int seen = seenToday(viewer);
        return new QueueView(entries, queries.countsByState(filter), Math.max(0, page), rows.size() > size, seen,
                seen >= config.breakAfter());
    }

    /** Claims the most urgent open item the filter admits; empty when there is none. */
    @Transactional(rollbackOn = SQLException.class)
    public Optional<ItemView> claimNext(String reviewer, QueueFilter filter) throws SQLException {
        Instant now = clock.instant();
        Optional<UUID> claimed = items.claimNext(reviewer, filter.anyState(), now, now.plus(config.lease()));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        actions.record(List.of(claimed.get()), now, reviewer, ReviewAction.CLAIM, Optional.empty(),
                Optional.empty(), Optional.empty());
        return Optional.of(view(reviewer, claimed.get()));
    }

    /** Claims the given open item. */
    @Transactional(rollbackOn = SQLException.class)
    public ItemView claim(String reviewer, UUID itemId) throws SQLException {
        Instant now = clock.instant();
        require(itemId, items.claim(itemId, reviewer, now, now.plus(config.lease())), "is not open");
        return recordAndView(reviewer, itemId, ReviewAction.CLAIM, now, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView view(String viewer, UUID itemId) throws SQLException {
        ItemDetail detail = queries.item(itemId).orElseThrow(() -> notFound(itemId));
        ItemRow item = detail.item();
        MentionRow mention = detail.mention();
        Map<Category, List<Contribution>> fired = detail.classification()
                .map(ClassificationView::firedExplanation).orElse(Map.of());
        Optional<ItemView.Reply> reply = Optional.empty();
        if (mention.inReplyTo().isPresent()) {
            reply = queries.repliedTo(mention.platform(), mention.inReplyTo().get())
                    .map(parent -> new ItemView.Reply(parent, MaskedText.mask(parent.text(), List.of())));
        }
        List<AuthorMention> authorHistory = mention.authorId().isEmpty() ? List.of()
                : queries.authorHistory(mention.platform(), mention.authorId().get(), mention.id(),
                config.authorHistorySize());
        int seen = seenToday(viewer);
        return new ItemView(item, mention, MaskedText.mask(mention.text(), maskWords(fired)),
                detail.classification(), fired, reply, authorHistory, actions.history(itemId), seen,
                seen >= config.breakAfter());
    }

    /** The mention's full text; every reveal is recorded. */
    @Transactional(rollbackOn = SQLException.class)
    public String reveal(String viewer, UUID itemId) throws SQLException {
        ItemDetail detail = queries.item(itemId).orElseThrow(() -> notFound(itemId));
        actions.record(List.of(itemId), clock.instant(), viewer, ReviewAction.REVEAL, Optional.empty(),
                Optional.empty(), Optional.empty());
        return detail.mention().text();
    }

    @Transactional(rollbackOn = SQLException.class)
    public Instant renewLease(String reviewer, UUID itemId) throws SQLException {
        Instant until = clock.instant().plus(config.lease());
        require(itemId, items.renewLease(itemId, reviewer, until), "is not claimed by you");
        return until;
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView release(String reviewer, UUID itemId) throws SQLException {
        require(itemId, items.release(itemId, reviewer), "is not claimed by you");
        return recordAndView(reviewer, itemId, ReviewAction.RELEASE, clock.instant(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Abuse: the reviewer's categories replace the model's where the model was wrong. */
    @Transactional(rollbackOn = SQLException.class)
    public ItemView confirm(String reviewer, UUID itemId, List<String> categories, Optional<String> note)
            throws SQLException {
        Set<Category> confirmed = categories(categories);
        return decide(reviewer, itemId, ReviewState.CONFIRMED, ReviewAction.CONFIRM, confirmed, note);
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView dismiss(String reviewer, UUID itemId, Optional<String> note) throws SQLException {
        return decide(reviewer, itemId, ReviewState.DISMISSED, ReviewAction.DISMISS, Set.of(), note);
    }

    /** Hands the item to the security unit, with the reviewer's reason; categories default to the model's. */
    @Transactional(rollbackOn = SQLException.class)
    public ItemView escalate(String reviewer, UUID itemId, String reason, List<String> categories)
            throws SQLException {
        String why = requireText("/reason", reason);
        ItemDetail detail = queries.item(itemId).orElseThrow(() -> notFound(itemId));
        Set<Category> escalated = categories.isEmpty() ? detail.item().modelCategories() : categories(categories);
        ItemView view = decide(reviewer, itemId, ReviewState.ESCALATED, ReviewAction.ESCALATE, escalated,
                Optional.of(why));
        escalations.fire(new EscalationRaised(itemId, detail.mention().id(), detail.item().priority(), why,
                detail.item().firedRules(), reviewer));
        return view;
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView requestSecondOpinion(String reviewer, UUID itemId, Optional<String> note) throws SQLException {
        Optional<String> checked = optionalText("/note", note);
        require(itemId, items.requestSecondOpinion(itemId, reviewer), "is not claimed by you");
        return recordAndView(reviewer, itemId, ReviewAction.SECOND_OPINION, clock.instant(), Optional.empty(),
                checked, Optional.empty());
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView handOver(String reviewer, UUID itemId, String colleague, Optional<String> note)
            throws SQLException {
        String to = requireText("/to", colleague);
        Optional<String> checked = optionalText("/note", note);
        Instant now = clock.instant();
        require(itemId, items.handOver(itemId, reviewer, to, now, now.plus(config.lease())), "is not claimed by you");
        return recordAndView(reviewer, itemId, ReviewAction.HAND_OVER, now, Optional.empty(), checked,
                Optional.of(to));
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView hold(String reviewer, UUID itemId, Optional<String> note) throws SQLException {
        Optional<String> checked = optionalText("/note", note);
        require(itemId, items.hold(itemId, reviewer), "is not claimed by you");
        return recordAndView(reviewer, itemId, ReviewAction.HOLD, clock.instant(), Optional.empty(), checked,
                Optional.empty());
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView resume(String reviewer, UUID itemId) throws SQLException {
        Instant now = clock.instant();
        require(itemId, items.resume(itemId, reviewer, now.plus(config.lease())), "is not on hold for you");
        return recordAndView(reviewer, itemId, ReviewAction.RESUME, now, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Reopens a decided item for the reviewer, who must give a reason and decide again. */
    @Transactional(rollbackOn = SQLException.class)
    public ItemView reopen(String reviewer, UUID itemId, String reason) throws SQLException {
        String why = requireText("/reason", reason);
        Instant now = clock.instant();
        require(itemId, items.reopen(itemId, reviewer, now, now.plus(config.lease())), "is not decided");
        return recordAndView(reviewer, itemId, ReviewAction.REOPEN, now, Optional.empty(), Optional.of(why),
                Optional.empty());
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView note(String author, UUID itemId, String text) throws SQLException {
        String note = requireText("/note", text);
        queries.item(itemId).orElseThrow(() -> notFound(itemId));
        return recordAndView(author, itemId, ReviewAction.NOTE, clock.instant(), Optional.empty(), Optional.of(note),
                Optional.empty());
    }

    /** Dismisses the selected items that are open or held by the reviewer; returns those dismissed. */
    @Transactional(rollbackOn = SQLException.class)
    public List<UUID> dismissAll(String reviewer, Collection<UUID> itemIds, Optional<String> note)
            throws SQLException {
        Optional<String> checked = optionalText("/note", note);
        Instant now = clock.instant();
        List<UUID> dismissed = items.dismissAll(itemIds, reviewer, now);
        actions.record(dismissed, now, reviewer, ReviewAction.DISMISS, Optional.of(Set.of()), checked,
                Optional.empty());
        return dismissed;
    }

    private ItemView decide(String reviewer, UUID itemId, ReviewState decision, ReviewAction action,
                            Set<Category> categories, Optional<String> note) throws SQLException {
        Optional<String> checked = optionalText("/note", note);
        Instant now = clock.instant();
        require(itemId, items.decide(itemId, reviewer, decision, categories, now), "is not claimed by you");
        return recordAndView(reviewer, itemId, action, now, Optional.of(categories), checked, Optional.empty());
    }

    private ItemView recordAndView(String actor, UUID itemId, ReviewAction action, Instant at,
                                   Optional<Set<Category>> categories, Optional<String> note,
                                   Optional<String> handedTo) throws SQLException {
        actions.record(List.of(itemId), at, actor, action, categories, note, handedTo);
        return view(actor, itemId);
    }

    /** Turns "no row changed" into a 404 when the item does not exist, and a 409 when its state forbids it. */
    private void require(UUID itemId, boolean changed, String why) throws SQLException {
        if (!changed) {
            ItemDetail detail = queries.item(itemId).orElseThrow(() -> notFound(itemId));
            throw new ProblemException(ProblemType.REVIEW_CONFLICT, "Item %s %s (it is %s%s)".formatted(itemId, why,
                    detail.item().state(), detail.item().claimedBy().map(by -> ", held by " + by).orElse("")));
        }
    }

    private int seenToday(String viewer) throws SQLException {
        return actions.itemsSeenSince(viewer, LocalDate.now(clock).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static List<String> maskWords(Map<Category, List<Contribution>> fired) {
        List<String> words = new ArrayList<>();
        for (Category category : List.of(Category.RACIST, Category.SEXIST)) {
            fired.getOrDefault(category, List.of()).forEach(c -> words.add(c.feature()));
        }
        return words;
    }

    private static Set<Category> categories(List<String> names) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                categories.add(Category.valueOf(names.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError("/categories/" + i, "must be one of VIOLENT, RACIST, SEXIST"));
            }
        }
        if (names.isEmpty()) {
            errors.add(new FieldError("/categories", "name at least one category; dismiss what is not abuse"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The categories are not valid", errors);
        }
        return categories;
    }

    private String requireText(String pointer, String text) {
        if (text == null || text.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "A required text is missing",
                    List.of(new FieldError(pointer, "must not be blank")));
        }
        return optionalText(pointer, Optional.of(text)).orElseThrow();
    }

    private Optional<String> optionalText(String pointer, Optional<String> text) {
        Optional<String> present = text.filter(t -> !t.isBlank()).map(String::strip);
        if (present.isPresent() && present.get().length() > config.maxNoteLength()) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "A text is too long",
                    List.of(new FieldError(pointer, "must be at most " + config.maxNoteLength() + " characters")));
        }
        return present;
    }

    private static ProblemException notFound(UUID itemId) {
        return new ProblemException(ProblemType.NOT_FOUND, "No review item " + itemId);
    }
}
