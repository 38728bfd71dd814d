package org.kkr4j.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTableReaderTest {

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksFollowRfc4180() {
        String text = "name,note,value\r\n"
                + "a,\"x, y\",1\r\n"
                + "b,\"say \"\"hi\"\"\",2\r\n"
                + "c,\"two\nlines\",3\r\n"
                + "\r\n"
                + "d,,4\n";
        Table t = CsvTableReader.read(text, "mem.csv");
        assertThat(t.columns()).containsExactly("name", "note", "value");
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.cell(0, "note")).isEqualTo("x, y");
        assertThat(t.cell(1, "note")).isEqualTo("say \"hi\"");
        assertThat(t.cell(2, "note")).isEqualTo("two\nlines");
        assertThat(t.cell(3, "note")).isEmpty();
        // the record with the embedded line break starts on line 4 and the blank line 6 is skipped
        assertThat(t.lines()).containsExactly(2, 3, 4, 7);
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReportedWithItsLine() {
        assertThatThrownBy(() -> CsvTableReader.read("a,b\n1,2\n3\n", "f.csv"))
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("f.csv");
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessageContaining("f.csv, line 3").hasMessageContaining("1 fields where the header has 2");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpened() {
        assertThatThrownBy(() -> CsvTableReader.read("a,b\n1,2\n3,\"open\n4,5\n", "f.csv"))
                .isInstanceOfSatisfying(TableFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> CsvTableReader.read("a,b\n1,x\"y\n", "f.csv"))
                .isInstanceOfSatisfying(TableFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("quote inside an unquoted field");
        assertThatThrownBy(() -> CsvTableReader.read("a,b\n1,\"x\"y\n", "f.csv"))
                .hasMessageContaining("text after the closing quote");
    }

    @Test
    void headerProblemsAreRefused() {
        assertThatThrownBy(() -> CsvTableReader.read("", "e.csv")).hasMessageContaining("no header row");
        assertThatThrownBy(() -> CsvTableReader.read("a,a\n1,2\n", "e.csv"))
                .isInstanceOfSatisfying(TableFormatException.class, e -> assertThat(e.column()).isEqualTo("a"))
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> CsvTableReader.read("a,,c\n", "e.csv")).hasMessageContaining("header field 2 is empty");
        Table t = CsvTableReader.read("\uFEFFa,b\n1,2", "bom.csv");
        assertThat(t.columns()).containsExactly("a", "b");
        assertThatThrownBy(() -> t.columnIndex("z")).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("column 'z'").hasMessageContaining("columns: a, b");
    }
}
