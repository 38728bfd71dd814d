package org.kkr4j.io.akaikkr.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.fortran.FixedField;

class FieldReaderTest {

    @Test
    void strictRealEqualsJavaParsingOnOutputLikeNumbers() {
        Random r = new Random(11);
        for (int k = 0; k < 200_000; k++) {
            int decimals = r.nextInt(10);
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(9));
            String text = String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
            assertThat(FieldReader.strictReal(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
        for (String t : List.of("-0.0000", "0.", "26.", ".5", "1.0E-03", "1.000000000000000E-005", "-2541.020741005",
                "1197839.0391", "12345678901234567.5", "+3")) {
            assertThat(FieldReader.strictReal(t)).as(t).isEqualTo(Double.parseDouble(t));
        }
    }

    @Test
    void strictRealRejectsWhatIsNotOneNumber() {
        for (String t : List.of("-6.3-10", "1.0.2", "abc", "", "-", "1e", "1.0E", "NaN", "1,5", "5.2d0x")) {
            assertThat(FieldReader.strictReal(t)).as(t).isNull();
        }
        assertThat(FieldReader.strictReal("1.5d-3")).isEqualTo(1.5e-3);
    }

    @Test
    void fieldsReportOverflowAndRunTogether() {
        List<ParseIssue> issues = new ArrayList<>();
        FieldReader fr = new FieldReader("x", issues);
        assertThat(fr.field(" ****** ", 3, "f")).isEqualTo(new FixedField("******", null));
        assertThat(fr.field("-1.5-2.5", 4, "g")).isNull();
        assertThat(fr.fields(" 1.0 2.0 ", 2, 5, "h")).extracting(FixedField::value).containsExactly(1.0, 2.0);
        assertThat(fr.fields(" 1000.68279821000.6974499", 2, 6, "i")).containsExactly(null, null);
        assertThat(fr.integer(" 12", 7, "j")).isEqualTo(12);
        assertThat(fr.integer(" 1.5", 8, "k")).isNull();
        assertThat(issues).extracting(ParseIssue::kind).containsExactly(ParseIssue.Kind.OVERFLOW,
                ParseIssue.Kind.RUN_TOGETHER, ParseIssue.Kind.RUN_TOGETHER, ParseIssue.Kind.UNEXPECTED);
        assertThat(issues).extracting(ParseIssue::line).containsExactly(3, 4, 6, 8);
    }
}
