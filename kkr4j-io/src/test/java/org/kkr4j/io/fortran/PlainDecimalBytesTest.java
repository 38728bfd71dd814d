package org.kkr4j.io.fortran;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte reader the table and label readers use must give bit for bit what the character reader
 * gives, or decline the same text, wherever the field lies in the array (also right at its end).
 */
class PlainDecimalBytesTest {

    private static void assertSame(String field, String before, String after) {
        byte[] b = (before + field + after).getBytes(StandardCharsets.ISO_8859_1);
        int from = before.length();
        double expected = FortranNumbers.plainDecimalOrNaN(field, 0, field.length());
        double actual = FortranNumbers.plainDecimalOrNaN(b, from, from + field.length());
        assertThat(Double.doubleToRawLongBits(actual)).as("'%s' in '%s'", field, before + field + after)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @Test
    void randomTextAgreesWithTheCharacterReader() {
        Random random = new Random(20261125L);
        String alphabet = "0123456789012345678901234567890123456789..--+ e*/:";
        for (int i = 0; i < 300_000; i++) {
            StringBuilder f = new StringBuilder();
            for (int k = random.nextInt(20); k > 0; k--) {
                f.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String before = "7".repeat(random.nextInt(3)) + " ".repeat(random.nextInt(3));
            String after = random.nextBoolean() ? "" : "9".repeat(random.nextInt(12));
            assertSame(f.toString(), before, after);
        }
    }

    @Test
    void digitRunsOfEveryLengthAroundThePoint() {
        String digits = "918273645501928374";
        for (int whole = 0; whole <= 16; whole++) {
            for (int fraction = 0; fraction <= 16; fraction++) {
                String field = digits.substring(0, whole) + "." + digits.substring(0, fraction);
                for (String sign : new String[] {"", "-", "+"}) {
                    assertSame(sign + field, "", "");
                    assertSame(sign + field, "  ", "12345678");
                    assertSame(sign + digits.substring(0, whole), "", "");
                    assertSame(sign + digits.substring(0, whole), "", " 8888888888");
                }
            }
        }
    }

    @Test
    void bytesAboveAsciiAndControlCharactersAreNotDigits() {
        for (char c : new char[] {'\u00b0', '\u00b9', '\u00ff', '\u0010', '/', ':', '\u00b3'}) {
            assertSame("12" + c + "45", "", "");
            assertSame("123456" + c + "8901", "", "00000000");
        }
    }
}
