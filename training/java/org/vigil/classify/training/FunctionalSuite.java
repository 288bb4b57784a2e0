package org.vigil.classify.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigil.classify.Category;

/**
 * The public functional test suites HateCheck (Röttger et al., ACL 2021; {@code test_suite_cases.csv} of
 * github.com/paul-rottger/hatecheck-data) and Multilingual HateCheck (Röttger et al., WOAH 2022;
 * {@code MHC Final Cases/hatecheck_cases_final_french.csv} of github.com/rewire-online/multilingual-hatecheck),
 * both CC BY 4.0, read as corpus rows in Vigil's categories. Evaluation only: they are never trained on, and the
 * files stay outside the repository.
 *
 * <p>The mapping, fixed from the suites' documented functionalities before any model was scored on them: a
 * hateful case is VIOLENT when its functionality is a threat ({@code threat_dir_h}, {@code threat_norm_h}),
 * RACIST when it targets black people, Muslims, immigrants or refugees, SEXIST when it targets women. Every
 * non-hateful case (counter-speech, quotes, negation, abuse of objects, profanity...) is clean in all three.
 * Hate aimed at other groups (gay and trans people, disabled people) is a negative, as in the shared corpus.
 * Two kinds of case say nothing about VIOLENT: hateful cases built from mixed templates (spelling variants,
 * pronoun references, questions, opinions, negated positives), which may or may not be threats, and abuse of
 * individuals or of unprotected groups ({@code target_indiv_nh}, {@code target_group_nh}), non-hateful to
 * HateCheck but partly threats ("I am going to make you suffer"), which Vigil must flag when aimed at an MP.
 */
public final class FunctionalSuite {

    public static final String HATEFUL = "hateful";
    private static final Set<String> THREATS = Set.of("threat_dir_h", "threat_norm_h");
    private static final Set<String> MIXED_TEMPLATES = Set.of("negate_pos_h", "phrase_question_h",
            "phrase_opinion_h", "ref_subs_clause_h", "ref_subs_sent_h");
    private static final Set<String> THREATS_POSSIBLE_AT_INDIVIDUALS = Set.of("target_indiv_nh", "target_group_nh");
    private static final String SPELLING_VARIANT = "spell_";
    private static final Set<String> RACIAL_TARGETS = Set.of("black people", "muslims", "immigrants", "refugees");
    private static final String WOMEN = "women";
    private static final Map<String, String> MHC_LANGUAGES = Map.of("french", "fr");

    private FunctionalSuite() {
    }

    /** Every case of a HateCheck or Multilingual HateCheck file (English and French only: Vigil's languages). */
    public static List<CorpusRecord> read(Path csvFile) {
        List<List<String>> table = Csv.parse(readString(csvFile));
        if (table.isEmpty()) {
            throw new IllegalArgumentException(csvFile + " is empty");
        }
        Map<String, Integer> column = columns(table.get(0));
        boolean multilingual = column.containsKey("mhc_case_id");
        String idColumn = multilingual ? "mhc_case_id" : "case_id";
        for (String required : List.of(idColumn, "functionality", "test_case", "label_gold", "target_ident")) {
            if (!column.containsKey(required)) {
                throw new IllegalArgumentException(csvFile + " has no column " + required
                        + ": not a HateCheck or Multilingual HateCheck case file");
            }
        }
        List<CorpusRecord> rows = new ArrayList<>();
        for (List<String> cells : table.subList(1, table.size())) {
            String id = cells.get(column.get(idColumn));
            String lang = multilingual ? mhcLanguage(id, csvFile) : "en";
            rows.add(record(multilingual ? "mhc" : "hatecheck", id, lang, cells.get(column.get("functionality")),
                    cells.get(column.get("test_case")), cells.get(column.get("label_gold")),
                    cells.get(column.get("target_ident"))));
        }
        return rows;
    }

    static CorpusRecord record(String source, String id, String lang, String functionality, String text,
            String label, String target) {
        boolean hateful = HATEFUL.equals(label);
        List<String> labels = new ArrayList<>();
        List<String> annotated = new ArrayList<>();
        if (saysWhetherViolent(hateful, functionality)) {
            annotated.add(Category.VIOLENT.name());
            if (hateful && THREATS.contains(functionality)) {
                labels.add(Category.VIOLENT.name());
            }
        }
        annotated.add(Category.RACIST.name());
        annotated.add(Category.SEXIST.name());
        String group = target == null ? "" : target.trim().toLowerCase();
        if (hateful && RACIAL_TARGETS.contains(group)) {
            labels.add(Category.RACIST.name());
        }
        if (hateful && WOMEN.equals(group)) {
            labels.add(Category.SEXIST.name());
        }
        return new CorpusRecord(source + ":" + id, source, lang, text, labels, annotated, Corpus.TEST,
                Map.of("kind", functionality, "target", group));
    }

    private static boolean saysWhetherViolent(boolean hateful, String functionality) {
        if (hateful) {
            return !functionality.startsWith(SPELLING_VARIANT) && !MIXED_TEMPLATES.contains(functionality);
        }
        return !THREATS_POSSIBLE_AT_INDIVIDUALS.contains(functionality);
    }

    private static String mhcLanguage(String id, Path file) {
        String name = id.substring(0, Math.max(0, id.indexOf('-')));
        String lang = MHC_LANGUAGES.get(name);
        if (lang == null) {
            throw new IllegalArgumentException(file + ": case " + id + " is not French; Vigil classifies English"
                    + " and French");
        }
        return lang;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip().replace("\uFEFF", ""), i);
        }
        return column;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
