package org.vigil.classify.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vigil.classify.Category;

/**
 * Freezes a team-written held-out set and retires a judged one into training:
 * <pre>
 * ./mvnw -q test-compile exec:java@held-out -Dexec.args="freeze drafts.jsonl v86 frozen_en.jsonl training/seed
 *     training/dev training/holdout ../shared/corpus"
 * ./mvnw -q test-compile exec:java@held-out -Dexec.args="retire frozen_en.jsonl retired_frozen_v86_en.jsonl 'Vigil
 *     team (held-out set v86, ...; training data from then on)'"
 * </pre>
 * Drafts are the writers' rows ({@code id}, {@code lang}, {@code kind}, {@code labels}, {@code text}). Freezing drops,
 * unread, every draft that nearly copies a row of the other files or an earlier draft ({@link NearDuplicates}), so
 * the set measures what the model has not seen; the rest are shuffled by the set's number, named
 * {@code vigil-frozen:vNN-<kind>-<lang>-NNN} and written with their SHA-256 for the model card. Neither command prints
 * a row's text: the people who tune the model never read a held-out item.
 */
public final class HeldOutSets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SET_NAME = Pattern.compile("v(\\d+)");
    private static final String FROZEN_PREFIX = "vigil-frozen:";

    /** What freezing kept and dropped, and the SHA-256 of the file written. */
    record Frozen(Map<String, Integer> keptByKind, List<String> droppedDrafts, String sha256) {
    }

    private HeldOutSets() {
    }

    public static void main(String[] args) {
        if (args.length >= 4 && "freeze".equals(args[0])) {
            List<Path> others = Arrays.stream(args).skip(4).map(Path::of).toList();
            Frozen frozen = freeze(Path.of(args[1]), args[2], Path.of(args[3]), others);
            System.out.printf("kept by kind: %s%ndropped (near-copies, unread): %d %s%nSHA-256 %s  %s%n",
                    frozen.keptByKind(), frozen.droppedDrafts().size(), frozen.droppedDrafts(), frozen.sha256(),
                    Path.of(args[3]).getFileName());
        } else if (args.length == 4 && "retire".equals(args[0])) {
            retire(Path.of(args[1]), Path.of(args[2]), args[3]);
            System.out.printf("retired %s into %s%n", args[1], args[2]);
        } else {
            System.err.println("usage: freeze <drafts.jsonl> <vNN> <out.jsonl> <other rows...>"
                    + " | retire <frozen.jsonl> <out.jsonl> <author>");
            System.exit(2);
        }
    }

    static Frozen freeze(Path drafts, String setName, Path out, List<Path> others) {
        Matcher set = SET_NAME.matcher(setName);
        if (!set.matches()) {
            throw new IllegalArgumentException("a set is named v<number>, not " + setName);
        }
        List<JsonNode> rows = readLines(drafts);
        rows.forEach(HeldOutSets::checkDraft);
        List<String> texts = rows.stream().map(row -> row.get("text").asText()).toList();
        List<String> otherTexts = Corpus.read(others).stream().map(CorpusRecord::text).toList();
        Set<String> copies = new HashSet<>();
        NearDuplicates.between(texts, otherTexts).forEach(pair -> copies.add(pair.left()));
        List<JsonNode> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
            String text = texts.get(j);
            boolean copiesEarlier = texts.subList(0, j).stream()
                    .anyMatch(earlier -> NearDuplicates.jaccard(earlier, text) >= NearDuplicates.LIMIT);
            if (copies.contains(text) || copiesEarlier) {
                dropped.add(rows.get(j).get("id").asText());
            } else {
                kept.add(rows.get(j));
            }
        }
        // Writers produce one kind at a time; shuffling keeps the file from showing which kind a row is by place.
        Collections.shuffle(kept, new Random(Long.parseLong(set.group(1))));
        List<String> lines = new ArrayList<>();
        Map<String, Integer> keptByKind = new TreeMap<>();
        for (int i = 0; i < kept.size(); i++) {
            JsonNode draft = kept.get(i);
            keptByKind.merge(draft.get("kind").asText(), 1, Integer::sum);
            lines.add(line(frozenRow(draft, setName, i)));
        }
        write(out, lines);
        return new Frozen(keptByKind, dropped, sha256(out));
    }

    static void retire(Path frozen, Path out, String author) {
        List<String> lines = new ArrayList<>();
        for (JsonNode node : readLines(frozen)) {
            ObjectNode row = (ObjectNode) node;
            String id = row.get("id").asText();
            if (!id.startsWith(FROZEN_PREFIX)) {
                throw new IllegalArgumentException(id + " is not a frozen held-out row");
            }
            row.put("id", "vigil-seed:frozen-" + id.substring(FROZEN_PREFIX.length()));
            row.put("source", TrainingSettings.SEED_SOURCE);
            // No split of its own: the row id's hash puts it in train, dev or test like every seed row.
            row.putNull("split");
            ((ObjectNode) row.get("meta")).put("author", author);
            lines.add(line(row));
        }
        write(out, lines);
    }

    private static void checkDraft(JsonNode draft) {
        String id = draft.path("id").asText("?");
        for (String field : List.of("lang", "kind", "text")) {
            if (draft.path(field).asText("").isBlank()) {
                throw new IllegalArgumentException("draft " + id + " has no " + field);
            }
        }
        if (!draft.path("labels").isArray()) {
            throw new IllegalArgumentException("draft " + id + " has no labels list");
        }
        for (JsonNode label : draft.get("labels")) {
            if (Arrays.stream(Category.values()).noneMatch(c -> c.name().equals(label.asText()))) {
                throw new IllegalArgumentException("draft " + id + " has an unknown label " + label);
            }
        }
    }

    private static Map<String, Object> frozenRow(JsonNode draft, String setName, int number) {
        String kind = draft.get("kind").asText();
        String lang = draft.get("lang").asText();
        List<String> labels = new ArrayList<>();
        for (Category category : Category.values()) {
            for (JsonNode label : draft.get("labels")) {
                if (category.name().equals(label.asText()) && !labels.contains(category.name())) {
                    labels.add(category.name());
                }
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("kind", kind);
        meta.put("target", "mp");
        meta.put("author", "Vigil team (written for the frozen held-out set " + setName + ")");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.format("%s%s-%s-%s-%03d", FROZEN_PREFIX, setName, kind, lang, number));
        row.put("source", "vigil-frozen");
        row.put("lang", lang);
        row.put("text", draft.get("text").asText());
        row.put("labels", labels);
        row.put("offensive", !labels.isEmpty());
        row.put("annotated", Arrays.stream(Category.values()).map(Category::name).toList());
        row.put("split", Corpus.TEST);
        row.put("meta", meta);
        return row;
    }

    /** One JSON line spaced like the committed team-written files ({@code "key": value, ...}). */
    private static String line(Object row) {
        try {
            return JSON.writer(new SpacedLine()).writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("row is not serialisable", e);
        }
    }

    private static List<JsonNode> readLines(Path file) {
        try {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path out, List<String> lines) {
        try {
            Files.write(out, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Jackson's one-line output with a space after each colon and comma. */
    private static final class SpacedLine extends MinimalPrettyPrinter {

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }
    }
}
