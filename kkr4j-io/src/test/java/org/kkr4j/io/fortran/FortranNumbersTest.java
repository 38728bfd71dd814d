package org.kkr4j.io.fortran;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FortranNumbersTest {

    @Test
    void listDirectedRealsAcceptFortranForms() {
        assertThat(FortranNumbers.parseReal("1d-3")).isEqualTo(1e-3);
        assertThat(FortranNumbers.parseReal("1.0E-3")).isEqualTo(1e-3);
        assertThat(FortranNumbers.parseReal("100")).isEqualTo(100.0);
        assertThat(FortranNumbers.parseReal(".5")).isEqualTo(0.5);
        assertThat(FortranNumbers.parseReal("5.")).isEqualTo(5.0);
        assertThat(FortranNumbers.parseReal("+3")).isEqualTo(3.0);
        assertThat(FortranNumbers.parseReal("1.0-100")).isEqualTo(1e-100);
        assertThat(FortranNumbers.parseReal("0.024d0")).isEqualTo(0.024);
    }

    @Test
    void nonNumbersAreNotReals() {
        assertThat(FortranNumbers.parseReal("sra")).isNull();
        assertThat(FortranNumbers.parseReal("0.024d0ch")).isNull();
        assertThat(FortranNumbers.parseReal("1/2")).isNull();
        assertThat(FortranNumbers.parseReal("")).isNull();
        assertThat(FortranNumbers.parseReal("-")).isNull();
        assertThat(FortranNumbers.parseReal("1e")).isNull();
    }

    @Test
    void integers() {
        assertThat(FortranNumbers.parseInteger("+3")).isEqualTo(3);
        assertThat(FortranNumbers.parseInteger("-12")).isEqualTo(-12);
        assertThat(FortranNumbers.parseInteger("1.0")).isNull();
        assertThat(FortranNumbers.parseInteger("99999999999")).isNull();
    }

    @Test
    void overflowIsOnlyAsterisks() {
        assertThat(FortranNumbers.isOverflow("*********")).isTrue();
        assertThat(FortranNumbers.isOverflow(" *** ")).isTrue();
        assertThat(FortranNumbers.isOverflow("1.0*")).isFalse();
        assertThat(FortranNumbers.isOverflow("   ")).isFalse();
        assertThat(FixedField.parse("*********").overflowed()).isTrue();
        assertThat(FixedField.parse(" 6.62171").value()).isEqualTo(6.62171);
        assertThat(FixedField.parse("abc")).isNull();
    }

    @Test
    void fastDecimalEqualsParseDoubleOnFortranFields() {
        String[] samples = {"-2541.02074101", "0.0000", "-0.0000", "  2.3192", "1.0E-03", "1.768110E+01",
            "-5.000000E-03", "12188.5942", "-3423.8246440", "0.3934493", "15003.6271", "1.000000000000000E-005",
            "123456789012345678", "0.1", "1e22", "9007199254740993", "4.9e-324", "1.7976931348623157e308"};
        for (String s : samples) {
            assertThat(FortranNumbers.parseDecimal(s, 0, s.length()))
                    .as(s).isEqualTo(Double.parseDouble(s.trim()));
        }
        SplittableRandom rnd = new SplittableRandom(42);
        for (int k = 0; k < 200_000; k++) {
            int decimals = rnd.nextInt(0, 12);
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-3, 9));
            String s = String.format("%." + decimals + "f", v);
            assertThat(FortranNumbers.parseDecimal(s, 0, s.length())).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void fastDecimalReadsInsideALineAndRejectsJunk() {
        String line = "   itr= 47 neu=   -0.0000  moment=  2.3192  te=  -2541.02074101  err= -6.341";
        int at = line.indexOf("te=") + 3;
        assertThat(FortranNumbers.parseDecimal(line, at, at + 16)).isEqualTo(-2541.02074101);
        assertThat(FortranNumbers.parseDecimal("1.5D+02", 0, 7)).isEqualTo(150.0);
        assertThatThrownBy(() -> FortranNumbers.parseDecimal("*****", 0, 5)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> FortranNumbers.parseDecimal("    ", 0, 4)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> FortranNumbers.parseDecimal("1.2.3", 0, 5)).isInstanceOf(NumberFormatException.class);
    }
}
