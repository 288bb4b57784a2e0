package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionalSuiteTest {

    @TempDir
    Path dir;

    @Test
    void mapsHateCheckCasesToVigilCategories() throws IOException {
        Path file = write("hatecheck.csv", ",functionality,case_id,test_case,label_gold,target_ident,direction\n"
                + "0,threat_dir_h,11,\"case a, quoted\",hateful,Muslims,general\n"
                + "1,derog_neg_emote_h,12,case b,hateful,women,general\n"
                + "2,threat_norm_h,13,case c,hateful,gay people,general\n"
                + "3,counter_quote_nh,14,case d,non-hateful,black people,general\n"
                + "4,spell_leet_h,15,case e,hateful,immigrants,general\n"
                + "5,target_indiv_nh,16,case f,non-hateful,,\n");

        List<CorpusRecord> rows = FunctionalSuite.read(file);

        assertThat(rows).extracting(CorpusRecord::id).containsExactly("hatecheck:11", "hatecheck:12",
                "hatecheck:13", "hatecheck:14", "hatecheck:15", "hatecheck:16");
        assertThat(rows).extracting(CorpusRecord::lang).containsOnly("en");
        assertThat(rows.get(0).text()).isEqualTo("case a, quoted");
        assertThat(rows).extracting(CorpusRecord::labels).containsExactly(List.of("VIOLENT", "RACIST"),
                List.of("SEXIST"), List.of("VIOLENT"), List.of(), List.of("RACIST"), List.of());
        assertThat(rows.get(3).annotated()).containsExactly("VIOLENT", "RACIST", "SEXIST");
        // a spelling variant may come from a threat template or not: it says nothing about VIOLENT
        assertThat(rows.get(4).annotated()).containsExactly("RACIST", "SEXIST");
        assertThat(rows.get(4).kind()).isEqualTo("spell_leet_h");
        // abuse of an individual is not hate to HateCheck, but may be a threat: it says nothing about VIOLENT
        assertThat(rows.get(5).annotated()).containsExactly("RACIST", "SEXIST");
    }

    @Test
    void readsMultilingualHateCheckFrenchCases() throws IOException {
        Path file = write("mhc.csv", "mhc_case_id,functionality,test_case,label_gold,target_ident,templ_id\n"
                + "french-3,derog_dehum_h,cas un,hateful,refugees,1\n"
                + "french-4,ident_neutral_nh,cas deux,non-hateful,women,2\n");

        List<CorpusRecord> rows = FunctionalSuite.read(file);

        assertThat(rows).extracting(CorpusRecord::id).containsExactly("mhc:french-3", "mhc:french-4");
        assertThat(rows).extracting(CorpusRecord::lang).containsOnly("fr");
        assertThat(rows).extracting(CorpusRecord::labels).containsExactly(List.of("RACIST"), List.of());
    }

    @Test
    void refusesLanguagesVigilDoesNotClassifyAndFilesThatAreNotSuites() throws IOException {
        Path german = write("de.csv", "mhc_case_id,functionality,test_case,label_gold,target_ident\n"
                + "german-1,slur_h,fall,hateful,women\n");
        Path other = write("other.csv", "id,text\n1,x\n");

        assertThatThrownBy(() -> FunctionalSuite.read(german)).hasMessageContaining("not French");
        assertThatThrownBy(() -> FunctionalSuite.read(other)).hasMessageContaining("no column case_id");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
