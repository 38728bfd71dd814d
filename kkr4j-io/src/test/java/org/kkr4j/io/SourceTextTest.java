package org.kkr4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Splitting bytes gives the lines of the ISO-8859-1 text split by '\n', with one '\r' dropped. */
class SourceTextTest {

    @Test
    void splitsLinesAndDropsCarriageReturns() {
        byte[] b = "a\r\n\nbc\r\r\nlast".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(SourceText.of("t", b).lines()).containsExactly("a", "", "bc\r", "last");
        assertThat(SourceText.of("t", "x\n".getBytes(StandardCharsets.ISO_8859_1)).lines()).containsExactly("x");
        assertThat(SourceText.of("t", new byte[0]).lines()).isEmpty();
    }

    @Test
    void bytesAboveAsciiAreCharactersNotLineEnds() {
        byte[] b = {(byte) 0x8A, (byte) 0xFF, 'a', '\n', (byte) 0x0A, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, '\n', 'z'};
        assertThat(SourceText.of("t", b).lines()).containsExactly("\u008A\u00FFa", "", "\u0080\0\0\0\0\0\0\0", "z");
    }

    @Test
    void bytesAndDecodedTextGiveTheSameLines() {
        // newlines at every offset within the eight-byte words the splitter tests at once
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] b = new byte[random.nextInt(80)];
            for (int i = 0; i < b.length; i++) {
                int pick = random.nextInt(6);
                b[i] = pick == 0 ? (byte) '\n' : pick == 1 ? (byte) '\r' : (byte) random.nextInt(256);
            }
            List<String> fromBytes = SourceText.of("b", b).lines();
            List<String> fromText = SourceText.of("s", new String(b, StandardCharsets.ISO_8859_1)).lines();
            assertThat(fromBytes).isEqualTo(fromText);
        }
    }
}
