package org.vigil.classify.training;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 comma-separated values: quoted fields may hold commas, line breaks and doubled quotes. */
final class Csv {

    private Csv() {
    }

    /** The records of {@code text}, each a list of fields; a blank line is no record. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, fields, field, fieldStarted);
                fields = new ArrayList<>();
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed at the end of the text");
        }
        endRecord(records, fields, field, fieldStarted);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> fields, StringBuilder field,
            boolean fieldStarted) {
        if (fieldStarted || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        field.setLength(0);
    }
}
