package org.vigil.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.vigil.audit.AuditLog;
import org.vigil.classify.Category;
import org.vigil.classify.Contribution;
import org.vigil.paging.PageCursor;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.security.Roles;
import org.vigil.security.StaffAccounts;
import org.vigil.triage.EscalationRaised;
import org.vigil.triage.GroupKey;
import org.vigil.triage.GroupKind;
import org.vigil.triage.HandledGroup;
import org.vigil.triage.HandledGroupRepository;
import org.vigil.triage.ItemGroup;
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
import java.util.LinkedHashMap;
import java.util.Locale;
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

    private static final String OBJECT_TYPE = "review_item";

    private final ReviewItemRepository items;
    private final ReviewQueryRepository queries;
    private final ReviewActionRepository actions;
    private final HandledGroupRepository groups;
    private final Event<EscalationRaised> escalations;
    private final StaffAccounts staff;
    private final AuditLog audit;
    private final ReviewConfig config;
    private final Clock clock;

    ReviewService(ReviewItemRepository items, ReviewQueryRepository queries, ReviewActionRepository actions,
                  HandledGroupRepository groups, Event<EscalationRaised> escalations, StaffAccounts staff, AuditLog audit, ReviewConfig config,
                  Clock clock) {
        this.staff = staff;
        this.audit = audit;
        this.items = items;
        this.queries = queries;
        this.actions = actions;
        this.groups = groups;
        this.escalations = escalations;
        this.config = config;
        this.clock = clock;
    }

    /** One page of {@code size} queue lines from just after {@code after} (from the top when empty). */
    @Transactional(rollbackOn = SQLException.class)
    public QueueView queue(String viewer, QueueFilter filter, Optional<PageCursor> after, int size)
            throws SQLException {
        // One row more than the page tells whether another page follows, without counting the queue.
        List<QueueRow> rows = queries.queue(filter, after, size + 1);
        List<QueueRow> shown = rows.subList(0, Math.min(size, rows.size()));
        Optional<PageCursor> next = rows.size() > size
                ? Optional.of(ReviewQueryRepository.cursorAfter(shown.get(size - 1).item())) : Optional.empty();
        Map<UUID, List<ItemGroup>> grouped = groups.groupsOf(shown.stream().map(row -> row.item().id()).toList());
        List<QueueView.Entry> entries = new ArrayList<>();
        for (QueueRow row : shown) {
            entries.add(new QueueView.Entry(row, MaskedText.mask(row.mention().text()),
                    shown(grouped.getOrDefault(row.item().id(), List.of()))));
        }
        int seen = seenToday(viewer);
        return new QueueView(entries, queries.countsByState(filter), next, seen, seen >= config.breakAfter());
    }

    /** Claims the most urgent open item the filter admits; empty when there is none. */
    @Transactional(rollbackOn = SQLException.class)
    public Optional<ItemView> claimNext(String reviewer, QueueFilter filter) throws SQLException {
        Instant now = clock.instant();
        Optional<UUID> claimed = items.claimNext(reviewer, filter.anyState(), now, now.plus(config.lease()));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(recordAndView(reviewer, claimed.get(), ReviewAction.CLAIM, now, Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of("state", ReviewState.OPEN.name())));
    }

    /** Claims the given open item. */
    @Transactional(rollbackOn = SQLException.class)
    public ItemView claim(String reviewer, UUID itemId) throws SQLException {
        return change(reviewer, itemId, ReviewAction.CLAIM, "is not open", Optional.empty(), Optional.empty(),
                Optional.empty(), now -> items.claim(itemId, reviewer, now, now.plus(config.lease())));
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
                    .map(parent -> new ItemView.Reply(parent, MaskedText.mask(parent.text())));
        }
        List<AuthorMention> authorHistory = mention.authorId().isEmpty() ? List.of()
                : queries.authorHistory(mention.platform(), mention.authorId().get(), mention.id(),
                config.authorHistorySize());
        int seen = seenToday(viewer);
        return new ItemView(item, mention, MaskedText.mask(mention.text()),
                detail.classification(), fired, reply, authorHistory, actions.history(itemId), seen,
                seen >= config.breakAfter(), shown(groups.groupsOf(itemId)), groups.foldedInto(itemId));
    }

    /** The mention's full text; every reveal is recorded. */
    @Transactional(rollbackOn = SQLException.class)
    public String reveal(String viewer, UUID itemId) throws SQLException {
        ItemDetail detail = queries.item(itemId).orElseThrow(() -> notFound(itemId));
        actions.record(List.of(itemId), clock.instant(), viewer, ReviewAction.REVEAL, Optional.empty(),
                Optional.empty(), Optional.empty());
        audit.recordAs(viewer, "review.reveal", OBJECT_TYPE, itemId.toString(), null,
                Map.of("mention", detail.mention().id().toString()));
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
        return change(reviewer, itemId, ReviewAction.RELEASE, "is not claimed by you", Optional.empty(),
                Optional.empty(), Optional.empty(), now -> items.release(itemId, reviewer));
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
        return change(reviewer, itemId, ReviewAction.SECOND_OPINION, "is not claimed by you", Optional.empty(),
                optionalText("/note", note), Optional.empty(), now -> items.requestSecondOpinion(itemId, reviewer));
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView handOver(String reviewer, UUID itemId, String colleague, Optional<String> note)
            throws SQLException {
        String to = requireText("/to", colleague);
        boolean canReview = staff.findByUsername(to)
                .filter(account -> account.enabled()
                        && (account.roles().contains(Roles.REVIEWER) || account.roles().contains(Roles.SECURITY)))
                .isPresent();
        if (!canReview) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "Items go only to colleagues who review",
                    List.of(new FieldError("/to", "must be an enabled user with the reviewer or security role")));
        }
        return change(reviewer, itemId, ReviewAction.HAND_OVER, "is not claimed by you", Optional.empty(),
                optionalText("/note", note), Optional.of(to),
                now -> items.handOver(itemId, reviewer, to, now, now.plus(config.lease())));
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView hold(String reviewer, UUID itemId, Optional<String> note) throws SQLException {
        return change(reviewer, itemId, ReviewAction.HOLD, "is not claimed by you", Optional.empty(),
                optionalText("/note", note), Optional.empty(), now -> items.hold(itemId, reviewer));
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView resume(String reviewer, UUID itemId) throws SQLException {
        return change(reviewer, itemId, ReviewAction.RESUME, "is not on hold for you", Optional.empty(),
                Optional.empty(), Optional.empty(), now -> items.resume(itemId, reviewer, now.plus(config.lease())));
    }

    /** Reopens a decided item for the reviewer, who must give a reason and decide again. */
    @Transactional(rollbackOn = SQLException.class)
    public ItemView reopen(String reviewer, UUID itemId, String reason) throws SQLException {
        String why = requireText("/reason", reason);
        return change(reviewer, itemId, ReviewAction.REOPEN, "is not decided", Optional.empty(), Optional.of(why),
                Optional.empty(), now -> items.reopen(itemId, reviewer, now, now.plus(config.lease())));
    }

    @Transactional(rollbackOn = SQLException.class)
    public ItemView note(String author, UUID itemId, String text) throws SQLException {
        String note = requireText("/note", text);
        return change(author, itemId, ReviewAction.NOTE, "cannot take a note", Optional.empty(), Optional.of(note),
                Optional.empty(), now -> true);
    }

    /** Dismisses the selected items that are open or held by the reviewer; returns those dismissed. */
    @Transactional(rollbackOn = SQLException.class)
    public List<UUID> dismissAll(String reviewer, Collection<UUID> itemIds, Optional<String> note)
            throws SQLException {
        return decideAll(reviewer, itemIds, GroupDecision.Decision.DISMISS, Optional.of(Set.of()),
                optionalText("/note", note), Map.of("bulk", true), clock.instant());
    }

    /**
     * Decides once for the item's whole campaign, pile-on or author: every item of the group that is open
     * or held by the reviewer gets the decision (each recorded and audited), and the group is marked
     * handled, so that later repeats are folded into it instead of alerting. Escalating alerts the security
     * unit once, about this item (or the group's first undecided one).
     */
    @Transactional(rollbackOn = SQLException.class)
    public GroupDecision decideGroup(String reviewer, UUID itemId, GroupDecisionRequest request) throws SQLException {
        GroupKind kind = request.kind();
        GroupDecision.Decision decision = request.decisionKind();
        ItemDetail detail = queries.item(itemId).orElseThrow(() -> notFound(itemId));
        GroupKey group = groups.groupsOf(itemId).stream()
                .map(ItemGroup::group).filter(g -> g.kind() == kind).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.INVALID_FIELDS, "The item is in no such group",
                        List.of(new FieldError("/group", "item " + itemId + " belongs to no " + kind + " group"))));
        Optional<Set<Category>> categories = switch (decision) {
            case CONFIRM -> Optional.of(categories(request.categoryNames()));
            case DISMISS -> Optional.of(Set.of());
            case ESCALATE -> request.categoryNames().isEmpty() ? Optional.empty()
                    : Optional.of(categories(request.categoryNames()));
        };
        Optional<String> note = decision == GroupDecision.Decision.ESCALATE
                ? Optional.of(requireText("/reason", request.reason())) : optionalText("/note", request.optionalNote());
        Instant now = clock.instant();
        List<UUID> decided = decideAll(reviewer, groups.undecidedItems(group, reviewer), decision, categories, note,
                Map.of("group", kind.name() + " " + group.key()), now);
        HandledGroup handled = groups.markHandled(group, decision.state(), reviewer, now);
        audit.recordAs(reviewer, "review.group-handled", "handled_group", handled.id().toString(), null,
                Map.of("kind", kind.name(), "key", group.key(), "decision", decision.state().name(),
                        "items", decided.size()));
        if (decision == GroupDecision.Decision.ESCALATE && !decided.isEmpty()) {
            ItemDetail anchor = decided.contains(itemId) ? detail : queries.item(decided.get(0)).orElseThrow();
            escalations.fire(new EscalationRaised(anchor.item().id(), anchor.mention().id(), anchor.item().priority(),
                    note.orElseThrow() + " (decided for " + kind + " " + group.key() + ", " + decided.size() + " items)",
                    anchor.item().firedRules(), reviewer));
        }
        return new GroupDecision(kind, group.key(), decision.state(), decided);
    }

    private static List<ItemGroup> shown(List<ItemGroup> groups) {
        return groups.stream().filter(ItemGroup::shown).toList();
    }

    /** One decision for many items open or held by the reviewer; each is recorded and audited. */
    private List<UUID> decideAll(String reviewer, Collection<UUID> itemIds, GroupDecision.Decision decision,
                                 Optional<Set<Category>> categories, Optional<String> note,
                                 Map<String, Object> context, Instant now) throws SQLException {
        List<UUID> decided = items.decideAll(itemIds, reviewer, decision.state(), categories, now);
        actions.record(decided, now, reviewer, decision.action(), categories, note, Optional.empty());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", decision.state().name());
        after.putAll(context);
        for (UUID itemId : decided) {
            audit.recordAs(reviewer, "review." + decision.action().name().toLowerCase(Locale.ROOT), OBJECT_TYPE,
                    itemId.toString(), null, after);
        }
        return decided;
    }

    private ItemView decide(String reviewer, UUID itemId, ReviewState decision, ReviewAction action,
                            Set<Category> categories, Optional<String> note) throws SQLException {
        return change(reviewer, itemId, action, "is not claimed by you", Optional.of(categories),
                optionalText("/note", note), Optional.empty(),
                now -> items.decide(itemId, reviewer, decision, categories, now));
    }

    /** One change of an item by its repository, guarded; then its history and the audit log. */
    private ItemView change(String actor, UUID itemId, ReviewAction action, String refusal,
                            Optional<Set<Category>> categories, Optional<String> note, Optional<String> handedTo,
                            ItemChange change) throws SQLException {
        ItemRow before = queries.item(itemId).orElseThrow(() -> notFound(itemId)).item();
        Instant now = clock.instant();
        require(itemId, change.apply(now), refusal);
        return recordAndView(actor, itemId, action, now, categories, note, handedTo, snapshot(before));
    }

    private ItemView recordAndView(String actor, UUID itemId, ReviewAction action, Instant at,
                                   Optional<Set<Category>> categories, Optional<String> note,
                                   Optional<String> handedTo, Map<String, Object> before) throws SQLException {
        actions.record(List.of(itemId), at, actor, action, categories, note, handedTo);
        ItemView after = view(actor, itemId);
        Map<String, Object> afterSnapshot = new LinkedHashMap<>(snapshot(after.item()));
        categories.ifPresent(c -> afterSnapshot.put("decidedCategories", c));
        note.ifPresent(n -> afterSnapshot.put("note", n));
        handedTo.ifPresent(h -> afterSnapshot.put("handedTo", h));
        audit.recordAs(actor, "review." + action.name().toLowerCase(Locale.ROOT), OBJECT_TYPE, itemId.toString(),
                before, afterSnapshot);
        return after;
    }

    private static Map<String, Object> snapshot(ItemRow item) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("state", item.state().name());
        snapshot.put("priority", item.priority().name());
        item.claimedBy().ifPresent(by -> snapshot.put("claimedBy", by));
        item.categories().ifPresent(c -> snapshot.put("categories", c));
        return snapshot;
    }

    /** A guarded change to one item: false when its state did not allow it. */
    @FunctionalInterface
    private interface ItemChange {
        boolean apply(Instant now) throws SQLException;
    }

    /** Turns "no row changed" into a 404 when the item does not exist, and a 409 when its state forbids it. */
    private void require(UUID itemId, boolean changed, String why) throws SQLException {
        if (!changed) {
            ItemDetail detail = queries.item(itemId).orElseThrow(() -> notFound(itemId));
            throw new ProblemException(ProblemType.REVIEW_CONFLICT, "Item %s %s (it is %s%s)".formatted(itemId, why,
                    detail.item().state(), detail.item().claimedBy().map(by -> ", held by " + by).orElse("")));
        }
    }

    /** For admins: how many items each reviewer read today, and the number after which a break is suggested. */
    @Transactional(rollbackOn = SQLException.class)
    public Wellbeing wellbeing() throws SQLException {
        return new Wellbeing(actions.itemsSeenByReviewerSince(startOfToday()), config.breakAfter());
    }

    /** Items each reviewer read today, against the daily number after which the pages suggest a break. */
    public record Wellbeing(List<ReviewActionRepository.ReviewerLoad> today, int breakAfter) {
    }

    private int seenToday(String viewer) throws SQLException {
        return actions.itemsSeenSince(viewer, startOfToday());
    }

    private Instant startOfToday() {
        return LocalDate.now(clock).atStartOfDay().toInstant(ZoneOffset.UTC);
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
