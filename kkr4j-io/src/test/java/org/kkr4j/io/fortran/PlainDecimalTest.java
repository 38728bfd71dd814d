package org.kkr4j.io.fortran;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-place decimal reader must give exactly what Double.parseDouble gives, or decline. */
class PlainDecimalTest {

    private static double plain(String s) {
        return FortranNumbers.plainDecimalOrNaN(s, 0, s.length());
    }

    @Test
    void fixedFormatFieldsReadExactlyAsParseDouble() {
        Random random = new Random(20261124L);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(12);
            double magnitude = Math.pow(10, random.nextInt(8) - 2);
            String text = String.format(Locale.ROOT, "%." + decimals + "f", (random.nextDouble() - 0.5) * magnitude);
            String field = " ".repeat(random.nextInt(4)) + text;
            if (text.replace("-", "").replace(".", "").length() > 15) {
                assertThat(plain(field)).as(field).isNaN();
            } else {
                assertThat(Double.doubleToRawLongBits(plain(field))).as(field)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
            }
        }
    }

    @Test
    void signsPointsAndZerosAsParseDouble() {
        for (String s : new String[] {"-0.0000", "+1.5", "5.", ".5", "-.25", "0", "123456789012345", "  7.25  "}) {
            assertThat(Double.doubleToRawLongBits(plain(s))).as(s)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s.trim())));
        }
    }

    @Test
    void declinesWhatIsNotAPlainDecimal() {
        for (String s : new String[] {"", "   ", "-", ".", "1.2.3", "1e5", "1.0d-3", "1.0-100", "****", "NaN",
            "1 2", "1234567890123456", "--1", "1-"}) {
            assertThat(plain(s)).as(s).isNaN();
        }
    }
}
