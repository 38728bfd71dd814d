package org.kkr4j.io.akaikkr.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.SourceText;

/** The token rules of cnsole.f/xtoken.f (reference note §3.1). */
class CardTokenizerTest {

    private static List<String> tokens(String text) {
        CardTokenizer tok = new CardTokenizer(SourceText.of("t", text), new ArrayList<>());
        List<String> out = new ArrayList<>();
        for (CardToken t = tok.next(); t != null; t = tok.next()) {
            out.add(t.isEmpty() ? "<>" : t.text());
        }
        return out;
    }

    @Test
    void sixCommasAfterTheLatticeConstantGiveFiveEmptyFields() {
        assertThat(tokens(" bcc 5.27 , , , , , ,\n 0.001"))
                .containsExactly("bcc", "5.27", "<>", "<>", "<>", "<>", "<>", "0.001");
    }

    @Test
    void commaDirectlyAfterATokenIsConsumed() {
        assertThat(tokens(" bcc 5.27,,,,,,\n")).containsExactly("bcc", "5.27", "<>", "<>", "<>", "<>", "<>");
        assertThat(tokens(" 0.001,1.0,sra,mjw,mag,init"))
                .containsExactly("0.001", "1.0", "sra", "mjw", "mag", "init");
    }

    @Test
    void aTrailingCommaOnlyTerminatesItsToken() {
        assertThat(tokens(" 26 ,\n 100")).containsExactly("26", "100");
    }

    @Test
    void typeLineWithBlankFields() {
        assertThat(tokens(" Fe 1 , , , , 26 , ,"))
                .containsExactly("Fe", "1", "<>", "<>", "<>", "26", "<>");
    }

    @Test
    void commaAtTheStartOfALineIsNotConsumedByThePreviousLine() {
        assertThat(tokens(" 5.27\n , nmag")).containsExactly("5.27", "<>", "nmag");
    }

    @Test
    void columnOneCommentsAndBlankLinesAreSkippedButIndentedOnesAreData() {
        assertThat(tokens("c comment\nC Co 1\n# hash\n\n   \n cnd x\n Co 1"))
                .containsExactly("cnd", "x", "Co", "1");
    }

    @Test
    void controlAndNonAsciiCharactersAreBlanks() {
        assertThat(tokens("\tgo\tdata/fe\u00e9x")).containsExactly("go", "data/fe", "x");
        // a tab in column 1 is a blank, so the line is not a comment
        assertThat(tokens("\tcnd pot")).containsExactly("cnd", "pot");
    }

    @Test
    void onlyThe1024CharacterBufferIsRead() {
        String line = " a" + " ".repeat(1021) + "bc" + "def"; // "b" is column 1024
        assertThat(line.length()).isGreaterThan(1024);
        assertThat(tokens(line)).containsExactly("a", "b");
    }

    @Test
    void tokensKeepLineAndColumn() {
        CardTokenizer tok = new CardTokenizer(SourceText.of("t", "c x\n  go   pot\n"), new ArrayList<>());
        CardToken go = tok.next();
        CardToken pot = tok.next();
        assertThat(go).isEqualTo(new CardToken("go", 2, 3));
        assertThat(pot).isEqualTo(new CardToken("pot", 2, 8));
        assertThat(tok.next()).isNull();
    }

    @Test
    void pushBackReturnsTheSameTokenAgain() {
        CardTokenizer tok = new CardTokenizer(SourceText.of("t", " 1 end"), new ArrayList<>());
        tok.next();
        CardToken end = tok.next();
        tok.pushBack(end);
        assertThat(tok.next()).isSameAs(end);
        assertThat(tok.next()).isNull();
    }

    @Test
    void columnOneCommentThatLooksLikeDataIsRecognised() {
        assertThat(CardReader.looksLikeData("cnd data/fe")).isTrue();
        assertThat(CardReader.looksLikeData("Co_1 1 0 0.0 2 27 100")).isTrue();
        assertThat(CardReader.looksLikeData("Cu 1")).isTrue();
        assertThat(CardReader.looksLikeData("C 1 0 0.0 2 6 100")).isTrue();
        assertThat(CardReader.looksLikeData("c   type    ncmp    rmt")).isFalse();
        assertThat(CardReader.looksLikeData("c ---  \\Gamma")).isFalse();
        assertThat(CardReader.looksLikeData("c----------------------Co------")).isFalse();
        assertThat(CardReader.looksLikeData("#dos data/O3GaFe so 9.5")).isFalse();
        assertThat(CardReader.looksLikeData("c    1/2       1/2        1/2      Fe")).isFalse();
    }
}
