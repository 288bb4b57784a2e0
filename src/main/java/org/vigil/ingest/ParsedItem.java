package org.vigil.ingest;

import org.vigil.problem.FieldError;

import java.util.List;

/** One item of a delivery after validation: either a mention to store or the reasons it was rejected. */
public record ParsedItem(int index, IncomingMention mention, RejectionReason reason, List<FieldError> errors) {

    public static ParsedItem valid(int index, IncomingMention mention) {
        return new ParsedItem(index, mention, null, List.of());
    }

    public static ParsedItem rejected(int index, RejectionReason reason, List<FieldError> errors) {
        return new ParsedItem(index, null, reason, List.copyOf(errors));
    }

    public boolean isValid() {
        return mention != null;
    }
}
