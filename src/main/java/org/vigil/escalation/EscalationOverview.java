package org.vigil.escalation;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigil.paging.PageCursor;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What the security unit's page shows: emails by state, cases not yet resolved, and the pipeline alarms raised. */
@ApplicationScoped
public class EscalationOverview {

    /** Rows per list on the page (the heading of the cases says so); the rest are on further pages. */
    static final int ROWS = 50;

    private final OutboxRepository outbox;
    private final CaseRepository cases;
    private final PipelineRepository pipeline;
    private final Path mailbox;
    private final Clock clock;

    EscalationOverview(OutboxRepository outbox, CaseRepository cases, PipelineRepository pipeline,
                       EscalationConfig config, Clock clock) {
        this.outbox = outbox;
        this.cases = cases;
        this.pipeline = pipeline;
        this.mailbox = Path.of(config.mailboxDirectory()).toAbsolutePath();
        this.clock = clock;
    }

    /** An email and, when the mailbox folder received it instead of a mail server, the file it is in. */
    @TemplateData
    public record EmailRow(OutboxEntry email, Optional<String> mailboxFile) {
    }

    /** One page of a state's emails, with links to the next older page and back to the newest, when they apply. */
    @TemplateData
    public record EmailList(List<EmailRow> rows, Optional<String> olderLink, Optional<String> newestLink) {
    }

    /**
     * One page of the cases not resolved, with links to the next page and back to the top, when they apply.
     *
     * @param unresolved how many cases are not resolved in all, on every page
     */
    @TemplateData
    public record CaseList(List<CaseRepository.CaseRow> rows, int unresolved, Optional<String> nextLink,
                           Optional<String> topLink) {
    }

    public record Overview(EmailList sent, EmailList pending, EmailList dead, CaseList cases,
                           List<PipelineRepository.OpenAlarm> alarms, String mailboxFolder) {

        /** Whether some email shown went to the mailbox folder instead of a mail server. */
        public boolean mailboxInUse() {
            return sent.rows().stream().anyMatch(row -> row.mailboxFile().isPresent());
        }
    }

    @Transactional
    public Overview overview(ListStarts starts) throws SQLException {
        return new Overview(emails(OutboxState.SENT, starts), emails(OutboxState.PENDING, starts),
                emails(OutboxState.DEAD, starts), cases(starts), pipeline.openAlarms(), mailbox.toString());
    }

    private CaseList cases(ListStarts starts) throws SQLException {
        Optional<PageCursor> start = starts.of(ListStarts.CASES);
        CasePage page = cases.unresolved(start, clock.instant(), ROWS);
        return new CaseList(page.cases(), cases.unresolvedCount(),
                page.next().map(next -> starts.link(ListStarts.CASES, Optional.of(next))),
                start.map(laterPage -> starts.link(ListStarts.CASES, Optional.empty())));
    }

    private EmailList emails(OutboxState state, ListStarts starts) throws SQLException {
        String parameter = ListStarts.parameter(state);
        Optional<PageCursor> start = starts.of(parameter);
        OutboxPage page = outbox.page(state, start, ROWS);
        List<EmailRow> rows = page.emails().stream().map(email -> new EmailRow(email, email.transport()
                .filter(MailboxTransport.NAME::equals)
                .map(transport -> MailboxTransport.fileName(email.messageId())))).toList();
        return new EmailList(rows, page.next().map(next -> starts.link(parameter, Optional.of(next))),
                start.map(olderPage -> starts.link(parameter, Optional.empty())));
    }
}
