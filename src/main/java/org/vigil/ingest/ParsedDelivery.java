package org.vigil.ingest;

import java.util.List;

/** A delivery's items in order; {@code batch} tells a {@code {"mentions": [...]}} body from a single mention. */
public record ParsedDelivery(boolean batch, List<ParsedItem> items) {
}
