package org.vigil.escalation;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigil.paging.PageCursor;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** What the security unit's page shows: emails by state, cases not yet resolved, and the pipeline alarms raised. */
@ApplicationScoped
public class EscalationOverview {

    /** Rows per list on the page (the heading of the cases says so); older emails are on further pages. */
    static final int ROWS = 50;

    private final OutboxRepository outbox;
    private final CaseRepository cases;
    private final PipelineRepository pipeline;
    private final Path mailbox;

    EscalationOverview(OutboxRepository outbox, CaseRepository cases, PipelineRepository pipeline,
                       EscalationConfig config) {
        this.outbox = outbox;
        this.cases = cases;
        this.pipeline = pipeline;
        this.mailbox = Path.of(config.mailboxDirectory()).toAbsolutePath();
    }

    /** An email and, when the mailbox folder received it instead of a mail server, the file it is in. */
    @TemplateData
    public record EmailRow(OutboxEntry email, Optional<String> mailboxFile) {
    }

    /** One page of a state's emails, with links to the next older page and back to the newest, when they apply. */
    @TemplateData
    public record EmailList(List<EmailRow> rows, Optional<String> olderLink, Optional<String> newestLink) {
    }

    /** @param unresolvedCases how many cases are not resolved, of which {@code cases} holds at most {@value EscalationOverview#ROWS} */
    public record Overview(EmailList sent, EmailList pending, EmailList dead,
                           List<CaseRepository.CaseRow> cases, int unresolvedCases,
                           List<PipelineRepository.OpenAlarm> alarms, String mailboxFolder) {

        /** Whether some email shown went to the mailbox folder instead of a mail server. */
        public boolean mailboxInUse() {
            return sent.rows().stream().anyMatch(row -> row.mailboxFile().isPresent());
        }
    }

    @Transactional
    public Overview overview(EmailListStarts starts) throws SQLException {
        return new Overview(emails(OutboxState.SENT, starts), emails(OutboxState.PENDING, starts),
                emails(OutboxState.DEAD, starts), cases.unresolved(ROWS), cases.unresolvedCount(), pipeline.openAlarms(),
                mailbox.toString());
    }

    private EmailList emails(OutboxState state, EmailListStarts starts) throws SQLException {
        Optional<PageCursor> start = starts.of(state);
        OutboxPage page = outbox.page(state, start, ROWS);
        List<EmailRow> rows = page.emails().stream().map(email -> new EmailRow(email, email.transport()
                .filter(MailboxTransport.NAME::equals)
                .map(transport -> MailboxTransport.fileName(email.messageId())))).toList();
        return new EmailList(rows, page.next().map(next -> starts.link(state, Optional.of(next))),
                start.map(olderPage -> starts.link(state, Optional.empty())));
    }
}
