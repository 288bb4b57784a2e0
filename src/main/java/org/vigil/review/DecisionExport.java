package org.vigil.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.Category;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes reviewers' decisions as training records in the corpus format that training reads: one JSON object
 * per line, the reviewer's categories as gold labels for all three categories, the mention's language, and
 * the decision in {@code meta}. Confirmed and escalated items are abuse with their decided categories;
 * dismissed items are clean. The file holds abusive text from real people: keep it where the corpus is kept.
 */
@ApplicationScoped
public class DecisionExport {

    private static final List<String> ALL_CATEGORIES = Arrays.stream(Category.values()).map(Enum::name).toList();

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    DecisionExport(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Writes every decided item to {@code file} (replacing it); returns how many records were written. */
    public int writeTo(Path file) throws SQLException, IOException {
        int written = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT m.id, COALESCE(m.detected_lang, m.declared_lang), m.text, r.state, r.categories,
                            r.model_categories, r.decided_by, r.decided_at, m.platform
                     FROM review_item r JOIN mention m ON m.id = r.mention_id
                     WHERE r.state IN ('CONFIRMED', 'DISMISSED', 'ESCALATED')
                     ORDER BY r.decided_at, r.id""");
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            s.setFetchSize(500);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.write(json.writeValueAsString(record(r)));
                    out.newLine();
                    written++;
                }
            }
        }
        return written;
    }

    private static Map<String, Object> record(ResultSet r) throws SQLException {
        boolean abusive = !"DISMISSED".equals(r.getString(4));
        List<String> labels = abusive ? names(r.getArray(5)) : List.of();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("decision", r.getString(4));
        meta.put("modelCategories", names(r.getArray(6)));
        meta.put("decidedBy", r.getString(7));
        meta.put("decidedAt", r.getTimestamp(8).toInstant().toString());
        meta.put("platform", r.getString(9));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", "vigil-review:" + r.getString(1));
        record.put("source", "vigil-review");
        record.put("lang", r.getString(2));
        record.put("text", r.getString(3));
        record.put("labels", labels);
        record.put("offensive", abusive);
        record.put("annotated", ALL_CATEGORIES);
        record.put("split", null);
        record.put("meta", meta);
        return record;
    }

    private static List<String> names(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
