package org.kkr4j.io.akaikkr.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;

/** Bad cards: every error names the file, the line and the card field. */
class CardReaderBadInputTest {

    private static Path resource(String name) {
        URL url = CardReaderBadInputTest.class.getResource("bad/" + name);
        assertThat(url).as("test resource bad/%s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a resource card and returns the exception, after checking file, line and field. */
    private static KkrFormatException failure(String name, AkaiVersion version, int line, String field) {
        Path file = resource(name);
        ThrowableAssert.ThrowingCallable read = () -> CardReader.read(SourceText.read(file), version);
        assertThatThrownBy(read).isInstanceOf(KkrFormatException.class);
        try {
            CardReader.read(SourceText.read(file), version);
        } catch (KkrFormatException e) {
            assertThat(e.source()).isEqualTo(file.toString());
            assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
            assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(file + ":" + (line > 0 ? line + ": [" : " [") + field + "]");
            return e;
        }
        throw new AssertionError("unreachable");
    }

    @Test
    void truncatedCard() {
        KkrFormatException e = failure("truncated.in", AkaiVersion.CPA2002V010, 7, "deck[1].type[2].name");
        assertThat(e.problem()).contains("the card ends in the middle of deck 1").contains("ntyp=2");
    }

    @Test
    void garbageBytes() {
        KkrFormatException e = failure("garbage.bin", AkaiVersion.CPA2002V010, 1, "deck[1].go");
        assertThat(e.problem()).contains("unknown go mode 'PNG'");
    }

    @Test
    void onlyControlBytesIsAnEmptyCard() {
        KkrFormatException e = failure("only-control-bytes.bin", AkaiVersion.CPA2002V010, 0, "deck[1].go");
        assertThat(e.problem()).contains("the card holds no deck");
    }

    @Test
    void typeLineInColumnOneIsSwallowedAsAComment() {
        KkrFormatException e = failure("type-in-column1.in", AkaiVersion.CPA2002V010, 9, "deck[1].type[2].ncmp");
        assertThat(e.problem())
                .contains("ncmp must be at least 1")
                .contains("line 7 'Co_1 1 0 0 2 27 100' starts with 'C' in column 1 and was skipped as a comment");
        // the same line is a warning when the card is read far enough to collect warnings
        assertThat(CardReader.looksLikeData("Co_1 1 0 0 2 27 100")).isTrue();
    }

    @Test
    void tooFewCommasShiftTheStream() {
        KkrFormatException e = failure("too-few-commas.in", AkaiVersion.CPA2002V010, 3, "deck[1].ewidth");
        assertThat(e.problem())
                .contains("Bad real number 'sra'")
                .contains("gamma took '0.001' from line 3, below the lattice line 2: the lattice line may lack commas");
    }

    @Test
    void unknownBrvtyp() {
        KkrFormatException e = failure("unknown-brvtyp.in", AkaiVersion.CPA2002V010, 2, "deck[1].brvtyp");
        assertThat(e.problem()).contains("unknown brvtyp 'xyz'");
    }

    @Test
    void badRealNumber() {
        KkrFormatException e = failure("bad-number.in", AkaiVersion.V2022_0721, 2, "deck[1].a");
        assertThat(e.problem()).contains("Bad real number '5.2.7' (column 6)");
    }

    @Test
    void badInteger() {
        KkrFormatException e = failure("bad-integer.in", AkaiVersion.CPA2021V01, 4, "deck[1].maxitr");
        assertThat(e.problem()).contains("Bad integer '1.5'");
    }

    @Test
    void ntypLargerThanTheTypesGiven() {
        KkrFormatException e = failure("ntyp-too-large.in", AkaiVersion.CPA2002V010, 8, "deck[1].type[2].ncmp");
        assertThat(e.problem()).contains("reading type 2 of ntyp=2 (ntyp on line 5)");
    }

    @Test
    void natmLargerThanTheAtomsGiven() {
        KkrFormatException e = failure("natm-too-large.in", AkaiVersion.CPA2002V010, 8, "deck[1].atom[2].x");
        assertThat(e.problem()).contains("ends in the middle of deck 1").contains("reading atom 2 of natm=2");
    }

    @Test
    void natmSmallerThanTheAtomsGiven() {
        // specx reads the extra atom line as a new deck: go=0.5 file=0.5 brvtyp=0.5 a=Fe -> Bad real number
        KkrFormatException e = failure("natm-too-small.in", AkaiVersion.CPA2002V010, 9, "deck[2].a");
        assertThat(e.problem()).contains("'0.5' on line 9 does not start a deck")
                .contains("natm (1) is smaller than the number of atom lines")
                .contains("stops with 'Bad real number' at a = 'Fe'");
    }

    @Test
    void atomOfAnUndefinedType() {
        KkrFormatException e = failure("undefined-type.in", AkaiVersion.CPA2002V010, 8, "deck[1].atom[1].type");
        assertThat(e.problem()).contains("refers to type 'Co', which is not defined").contains("types of deck 1 are Fe");
    }

    @Test
    void unterminatedOptionBlock() {
        KkrFormatException e = failure("unterminated-option.in", AkaiVersion.V2022_0721, 10, "deck[1].option");
        assertThat(e.problem()).contains("failed to read \"end_option\"");
    }

    @Test
    void optionKeyAndValueInOneToken() {
        KkrFormatException e = failure("option-key-joined.in", AkaiVersion.V2022_0721, 10, "deck[1].option");
        assertThat(e.problem()).contains("unknown token: 'mse=5'").contains("write 'mse= 5'");
    }

    @Test
    void optionBlockOnV010() {
        KkrFormatException e = failure("option-key-joined.in", AkaiVersion.CPA2002V010, 9, "deck[2].go");
        assertThat(e.problem()).contains("option block (begin_option) on cpa2002v010");
    }

    @Test
    void unknownModeOfASecondDeck() {
        String card = " go pot\n bcc 5.27 0 0 0 0 0\n 0.001 1.0 sra mjw mag 2nd\n update 4 1 0.02\n 1\n"
                + " Fe 1 0 0 2 26 100\n 1\n 0 0 0 Fe\n xyz pot\n bcc 5.27 0 0 0 0 0\n 0.001 1.0 sra mjw mag 2nd\n";
        assertThatThrownBy(() -> CardReader.read(SourceText.of("t", card), AkaiVersion.CPA2002V010))
                .isInstanceOfSatisfying(KkrFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.field()).isEqualTo("deck[2].go");
                    assertThat(e.problem()).contains("unknown go mode 'xyz'");
                });
    }

    @Test
    void unknownModeOfEveryVersion() {
        KkrFormatException e = failure("unknown-mode.in", AkaiVersion.V2022_0721_CND, 1, "deck[1].go");
        assertThat(e.problem()).contains("unknown go mode 'xyz'");
    }

    @Test
    void letterInsideAKPoint() {
        KkrFormatException e = failure("kpoint-letter.in", AkaiVersion.CPA2002V010, 11, "deck[1].kpath.point[2].z");
        assertThat(e.problem()).contains("illegal k-value read: 'H'");
    }

    @Test
    void fsmWithoutFspin() {
        KkrFormatException e = failure("fsm-without-fspin.in", AkaiVersion.CPA2002V010, 8, "deck[1].fspin");
        assertThat(e.problem()).contains("fspin data not found");
    }

    @Test
    void illegalPositionSuffix() {
        KkrFormatException e = failure("bad-position-suffix.in", AkaiVersion.CPA2002V010, 8, "deck[1].atom[1].z");
        assertThat(e.problem()).contains("illegal character 'q'");
    }

    @Test
    void cndDataLineInColumnOne() {
        String card = "cnd pot\n bcc 5.27 , , , , , ,\n";
        assertThatThrownBy(() -> CardReader.read(SourceText.of("fe_cnd", card), AkaiVersion.V2022_0721_CND))
                .isInstanceOfSatisfying(KkrFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("deck[1].go");
                    assertThat(e.problem()).contains("unknown go mode 'bcc'")
                            .contains("line 1 'cnd pot' starts with 'c' in column 1");
                });
    }

    @Test
    void swallowedLineIsAWarningWhenTheCardStillReads() {
        String card = " go pot\n bcc 5.27 0 0 0 0 0\n 0.001 1.0 sra mjw mag 2nd\n update 4 1 0.02\n 1\n"
                + "Cu 1 0 0 2 29 100\n Fe 1 0 0 2 26 100\n 1\n 0 0 0 Fe\n";
        CardReading r = CardReader.readWithWarnings(SourceText.of("t", card), AkaiVersion.CPA2002V010);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(6);
            assertThat(w.message()).contains("skips it as a comment, but it looks like data");
        });
    }

    @Test
    void moreThan25SymmetryPointsSpillIntoANewDeck() {
        StringBuilder card = new StringBuilder(" spc31 pot\n bcc 5.27 0 0 0 0 0\n 0.001 1.0 sra mjw mag 2nd\n"
                + " update 4 1 0.02\n 1\n Fe 1 0 0 2 26 100\n 1\n 0 0 0 Fe\n 300\n");
        for (int i = 0; i < 26; i++) {
            card.append(" 0.").append(i).append(" 0 0\n");
        }
        // readk stops after 25 points; the 26th is read as a new deck that the end of file cuts short
        CardReading r = CardReader.readWithWarnings(SourceText.of("t", card.toString()), AkaiVersion.V2022_0721);
        assertThat(r.card().decks().get(0).kPath().orElseThrow().points()).hasSize(KPath.MAX_SYMMETRY_POINTS);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(35);
            assertThat(w.message()).contains("is ignored by specx").contains("at most 25 symmetry points");
        });
        String more = card.toString().replace(" 300\n", " 300\n 0.9 0 0 0.9 0 0 0.9 0 0 0.9 0 0 0.9 0 0 0.9 0 0\n");
        assertThatThrownBy(() -> CardReader.read(SourceText.of("t", more), AkaiVersion.V2022_0721))
                .isInstanceOfSatisfying(KkrFormatException.class, e -> {
                    assertThat(e.field()).startsWith("deck[2].");
                    assertThat(e.problem()).contains("at most 25 symmetry points");
                });
    }
}
