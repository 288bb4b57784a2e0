package org.vigil.escalation;

import io.quarkus.qute.TemplateData;

import java.time.Duration;

/** How an author has behaved over a recent window: how much they wrote, how much was flagged, at how many MPs. */
@TemplateData
public record AuthorHistory(Duration window, long mentions, long flagged, long mps) {

    public long windowDays() {
        return window.toDays();
    }
}
