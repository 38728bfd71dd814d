package org.kkr4j.io.akaikkr.output.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The table-end test reads eight bytes at a time while they are plain (blanks, '-', '.', digits):
 * it must answer as the per-character test on the same text, wherever the line lies in the array.
 */
class NumericLineBytesTest {

    private static void assertAgrees(String line, String before, String after) {
        byte[] b = (before + line + after).getBytes(StandardCharsets.ISO_8859_1);
        int from = before.length();
        assertThat(PdosTableReader.isNumericLine(b, from, from + line.length()))
                .as("'%s'", line).isEqualTo(PdosTableReader.isNumericLine(line));
    }

    @Test
    void randomLinesAgreeWithTheCharacterTest() {
        Random random = new Random(20261125L);
        // mostly plain characters, so that whole words of them occur, and each other kind now and then
        String plain = "0123456789 -.";
        String other = "*+Eea\t/,:\u00b0\u00ad\u00a0\u00e5\u0000\u007f";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(90);
            int rare = 1 + random.nextInt(200);
            for (int k = 0; k < n; k++) {
                s.append(random.nextInt(rare) == 0 ? other.charAt(random.nextInt(other.length()))
                        : random.nextInt(3) == 0 ? ' ' : plain.charAt(random.nextInt(plain.length())));
            }
            assertAgrees(s.toString(), "x".repeat(random.nextInt(9)), random.nextBoolean() ? "" : "abc");
        }
    }

    @Test
    void blankAndSignOnlyLinesHaveNoDigit() {
        assertAgrees(" ".repeat(40), "", "");
        assertAgrees(" -. ".repeat(10), "", "");
        assertAgrees(" -. ".repeat(10) + "*", "", "");
        assertAgrees(" -1.6200       0.0002   -0.0004    0.0011", "", "");
        assertAgrees(" -1.6200       0.0002   -0.0004    0.0011 x", "", "");
        assertAgrees(" -1.6200       0.0002 \u00a0 -0.0004    0.0011", "", "");
    }
}
