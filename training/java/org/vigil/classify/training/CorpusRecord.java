package org.vigil.classify.training;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.vigil.classify.Category;

/** One line of a corpus or seed JSON-lines file (format: ../shared/README.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CorpusRecord(String id, String source, String lang, String text, List<String> labels,
        List<String> annotated, String split, Map<String, Object> meta) {

    /** Only rows that annotate a category say anything about it; the rest are unknown, not negative. */
    public boolean annotates(Category category) {
        return annotated != null && annotated.contains(category.name());
    }

    public boolean has(Category category) {
        return labels != null && labels.contains(category.name());
    }

    /** Seed rows carry a kind ("political", "threat", "counter"...) so evaluation can report slices of them. */
    public String kind() {
        Object kind = meta == null ? null : meta.get("kind");
        return kind == null ? "" : kind.toString();
    }
}
