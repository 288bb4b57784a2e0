package org.vigil.escalation;

/** What can go wrong with the pipeline itself; mirrored by a CHECK constraint on {@code pipeline_alarm.kind}. */
public enum AlarmKind {
    /** Integrations were active but no mention arrived for a while. */
    INGEST_SILENT,
    /** A mention waits for classification far longer than usual. */
    CLASSIFIER_STALLED,
    /** Escalation emails wait in the outbox far longer than usual. */
    OUTBOX_BACKLOG,
    /** Escalation emails gave up: the dead letter is not empty. */
    DEAD_LETTER,
    /** The SMTP server refused or could not be reached several times in a row. */
    SMTP_FAILING,
    /** A rule fires far above or below its usual rate (a broken classifier, a flood, a bad rule edit). */
    RULE_RATE;

    /** Alarms about mail delivery cannot be announced by mail through the same server. */
    boolean aboutMail() {
        return this == OUTBOX_BACKLOG || this == DEAD_LETTER || this == SMTP_FAILING;
    }
}
