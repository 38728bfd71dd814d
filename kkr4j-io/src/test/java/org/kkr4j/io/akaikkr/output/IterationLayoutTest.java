package org.kkr4j.io.akaikkr.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An iteration line in its printed layout is read at fixed label columns instead of by label
 * search: whenever the layout test accepts a line, the search must find every label at exactly
 * those columns, and the line must hold no 'f' before the err field (the mode-block candidate test
 * skips that part).
 */
class IterationLayoutTest {

    private static final String PRINTED = "   itr=  1 neu=    1.5509  moment=  0.0000  te=    -15.43690872  err=  0.908";

    private static boolean accepted(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        int it = line.indexOf("itr=");
        boolean printed = SpecxLogParser.printedIterationLayout(b, it, b.length);
        if (printed) {
            int neu = line.indexOf(" neu=", it);
            int mom = line.indexOf("  moment=", neu);
            int te = line.indexOf("  te=", mom);
            int err = line.indexOf("  err=", te);
            assertThat(new int[] {neu, mom, te, err}).as("'%s'", line)
                    .containsExactly(it + 7, it + 22, it + 39, it + 60);
            int f = line.indexOf('f', it);
            assertThat(f < 0 || f >= it + 66).as("'f' in '%s'", line).isTrue();
        }
        return printed;
    }

    @Test
    void printedLinesAreAccepted() {
        assertThat(accepted(PRINTED)).isTrue();
        assertThat(accepted(" **itr=999 neu=   -3.5078  moment= -0.1070  te= -99999.99999999  err= -6.341")).isTrue();
        assertThat(accepted("   itr=  1 neu=    1.5509  moment=  0.0000  te=    -15.43690872  err=")).isTrue();
    }

    @Test
    void otherLayoutsAreLeftToTheSearch() {
        assertThat(accepted("   itr=  1 neu=   1.5509  moment=  0.0000  te=    -15.43690872  err=  0.908")).isFalse();
        assertThat(accepted("   itr=  1 neu=    1.5509  moment=  0.0000  te=    -15.43690872  err")).isFalse();
        assertThat(accepted("   itr=  1 neu=    1.55e9  moment=  0.0000  te=    -15.43690872  err=  0.908")).isFalse();
        assertThat(accepted("   itr=  1 neu=    1.5509  moment=  0.0000  te= -15.4 neu= 0.1  err=  0.908")).isFalse();
    }

    @Test
    void randomlyChangedLinesAreAcceptedOnlyWhereTheSearchAgrees() {
        Random random = new Random(20261125L);
        String alphabet = "0123456789 .-+*=abefmnortuE\u00e9\u00ff\t";
        String[] labels = {" neu=", "  moment=", "  te=", "  err=", "itr=", "f"};
        int accepted = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder s = new StringBuilder(PRINTED);
            for (int k = random.nextInt(4); k > 0; k--) {
                int at = 3 + random.nextInt(s.length() - 3);
                switch (random.nextInt(4)) {
                    case 0 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> s.deleteCharAt(at);
                    default -> {
                        // a label copied into a field: the search then stops early
                        String label = labels[random.nextInt(labels.length)];
                        int to = Math.min(s.length(), at + label.length());
                        s.replace(at, to, label.substring(0, to - at));
                    }
                }
            }
            if (s.indexOf("itr=") < 0) {
                continue;
            }
            if (accepted(s.toString())) {
                accepted++;
            }
        }
        assertThat(accepted).as("changed lines still in the printed layout").isGreaterThan(10_000);
    }
}
