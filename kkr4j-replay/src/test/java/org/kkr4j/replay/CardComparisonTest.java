package org.kkr4j.replay;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CardComparisonTest {

    private static final String CARD = """
            c FeCo bcc go
             go data/pot
             bcc 5.27 , , , , , ,
             0.001 1.2 sra pbe mag init
             update 8 300 0.02
            """;

    private static CardComparison.Difference compare(String recorded, String given) {
        return CardComparison.compare(recorded.getBytes(StandardCharsets.ISO_8859_1),
                given.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void oneChangedValueIsOneLineAtItsPlace() {
        CardComparison.Difference d = compare(CARD, CARD.replace("1.2 sra", "1.3 sra"));
        assertThat(d).isEqualTo(new CardComparison.Difference(1, 4,
                " 0.001 1.2 sra pbe mag init", " 0.001 1.3 sra pbe mag init"));
    }

    @Test
    void anInsertedLineDoesNotMakeTheLinesBelowDiffer() {
        CardComparison.Difference d = compare(CARD, CARD.replace(" go data/pot\n", " go data/pot\n extra\n"));
        assertThat(d.differingLines()).isEqualTo(1);
        assertThat(d.firstDifferingLine()).isEqualTo(3);
        assertThat(d.recordedLine()).isEqualTo(" bcc 5.27 , , , , , ,");
        assertThat(d.givenLine()).isEqualTo(" extra");
    }

    @Test
    void blanksAndLineEndsDoNotCountButTheFirstByteDifferenceIsShown() {
        CardComparison.Difference spaced = compare(CARD, CARD.replace(" bcc 5.27", "   bcc    5.27"));
        assertThat(spaced.differingLines()).isZero();
        assertThat(spaced.firstDifferingLine()).isEqualTo(3);
        assertThat(spaced.givenLine()).isEqualTo("   bcc    5.27 , , , , , ,");

        assertThat(compare(CARD, CARD.replace("\n", "\r\n")).differingLines()).isZero();
        assertThat(compare(CARD, CARD + "\n\n").differingLines()).isZero();
    }

    @Test
    void aShorterCardEndsWhereTheOtherGoesOn() {
        String truncated = CARD.substring(0, CARD.indexOf(" update"));
        CardComparison.Difference d = compare(CARD, truncated);
        assertThat(d).isEqualTo(new CardComparison.Difference(1, 5, " update 8 300 0.02", null));
        assertThat(compare(CARD, "").differingLines()).isEqualTo(5);
    }
}
