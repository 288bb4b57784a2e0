package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void splitsPlainFieldsAndKeepsEmptyOnes() {
        assertThat(Csv.parse(",a,,b\nc,d,e,\n")).containsExactly(List.of("", "a", "", "b"), List.of("c", "d", "e", ""));
    }

    @Test
    void keepsCommasLineBreaksAndDoubledQuotesInsideQuotedFields() {
        assertThat(Csv.parse("id,text\r\n7,\"one, \"\"two\"\"\nthree\"\r\n"))
                .containsExactly(List.of("id", "text"), List.of("7", "one, \"two\"\nthree"));
    }

    @Test
    void readsALastRecordWithoutLineBreakAndSkipsBlankLines() {
        assertThat(Csv.parse("a\n\nb,\"\"")).containsExactly(List.of("a"), List.of("b", ""));
    }

    @Test
    void refusesAQuotedFieldThatIsNeverClosed() {
        assertThatThrownBy(() -> Csv.parse("a,\"b\nc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not closed");
    }
}
