package org.kkr4j.io.fortran;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The f10.4 reader of the PDOS tables must give bit for bit what the plain-decimal reader gives on
 * the same bytes, or decline (NaN); and it must accept the fields it is there for.
 */
class FourDecimalsTest {

    /** Returns whether the fast reader accepted the field. */
    private static boolean assertAgrees(String field, String before, String after) {
        byte[] b = (before + field + after).getBytes(StandardCharsets.ISO_8859_1);
        int from = before.length();
        int to = from + field.length();
        double fast = FortranNumbers.fourDecimalsOrNaN(b, from, to);
        if (Double.isNaN(fast)) {
            return false;
        }
        assertThat(Double.doubleToRawLongBits(fast)).as("'%s' in '%s'", field, before + field + after)
                .isEqualTo(Double.doubleToRawLongBits(FortranNumbers.plainDecimalOrNaN(b, from, to)));
        return true;
    }

    @Test
    void randomTextAgreesWithThePlainReader() {
        Random random = new Random(20261125L);
        String alphabet = "0123456789012345678901234567890123456789.-- +e*/:\u00b9\u00ff";
        int accepted = 0;
        for (int i = 0; i < 400_000; i++) {
            StringBuilder f = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                f.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // most fields get the point where f10.4 has it, so that every test after it is reached
            if (random.nextInt(4) > 0) {
                f.append('.');
                for (int k = 0; k < 4; k++) {
                    f.append(random.nextInt(10) > 0 ? (char) ('0' + random.nextInt(10))
                            : alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String before = "7".repeat(random.nextInt(3)) + " ".repeat(random.nextInt(3));
            String after = random.nextBoolean() ? "" : "9".repeat(random.nextInt(6));
            if (assertAgrees(f.toString(), before, after)) {
                accepted++;
            }
        }
        assertThat(accepted).as("fields the fast reader accepted").isGreaterThan(10_000);
    }

    @Test
    void printedFieldsAreAccepted() {
        for (String f : new String[] {"    0.0012", "   -0.0004", "   12.3456", "-1234.5678", " -0.0000", " 1.6200",
                                      "0.0000", "12345678901.1234"}) {
            assertThat(assertAgrees(f, " ", "")).as(f).isTrue();
            assertThat(assertAgrees(f, "", "   ")).as(f).isTrue();
        }
        // the sign of a negative zero is kept, as Double.parseDouble keeps it
        byte[] b = "   -0.0000".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Double.doubleToRawLongBits(FortranNumbers.fourDecimalsOrNaN(b, 0, b.length)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void otherShapesAreDeclined() {
        for (String f : new String[] {"   +0.0012", "     .0012", "    0.001 ", "    0.0012 ", "   0.00123", "  1 2.3456",
                                      "  -12.34-6", "   1*.3456", "**********", "  1.2345E1", "123456789012.1234", "\t   1.2345",
                                      "   1.234\u00b9", "   1.2:45"}) {
            byte[] b = f.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(FortranNumbers.fourDecimalsOrNaN(b, 0, b.length)).as("'%s'", f).isNaN();
        }
    }
}
