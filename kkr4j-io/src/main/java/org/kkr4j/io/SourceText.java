package org.kkr4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The text of one input or output file, split into lines, with the name used in error messages.
 *
 * <p>Bytes are decoded as ISO-8859-1 so that decoding never fails: AkaiKKR itself treats every byte
 * outside printable ASCII as a blank, and parsers decide what such bytes mean. Line ends may be
 * {@code \n} or {@code \r\n}; the carriage return is dropped (specx would see it as a blank).
 *
 * @param name  file path or a label such as {@code <stdin>}; used in messages only
 * @param lines the lines without line terminators; line {@code i} of the file is {@code lines.get(i - 1)}
 */
public record SourceText(String name, List<String> lines) {

    public SourceText {
        // lines split here are already an unmodifiable list of their own; copying them again costs
        // as much as the split
        lines = lines instanceof LineArray ? lines : List.copyOf(lines);
    }

    public static SourceText read(Path file) {
        try {
            return of(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static SourceText of(String name, byte[] bytes) {
        return of(name, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    public static SourceText of(String name, String text) {
        // String.indexOf(char) is vectorised; a charAt loop over the text was the cost of splitting
        String[] out = new String[Math.max(16, text.length() / 32)];
        int count = 0;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            if (count == out.length) {
                out = Arrays.copyOf(out, count * 2);
            }
            out[count++] = stripCr(text, start, end);
            start = end + 1;
        }
        return new SourceText(name, new LineArray(out, count));
    }

    /** The unmodifiable lines made by {@link #of(String, String)}, over an array nobody else holds. */
    private static final class LineArray extends AbstractList<String> implements RandomAccess {

        private final String[] lines;
        private final int size;

        LineArray(String[] lines, int size) {
            this.lines = lines;
            this.size = size;
        }

        @Override
        public String get(int index) {
            Objects.checkIndex(index, size);
            return lines[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static String stripCr(String text, int from, int to) {
        int end = to > from && text.charAt(to - 1) == '\r' ? to - 1 : to;
        return text.substring(from, end);
    }

    /** The 1-based line {@code number}. */
    public String line(int number) {
        return lines.get(number - 1);
    }

    public int lineCount() {
        return lines.size();
    }

    /** True when the file has no lines at all. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
