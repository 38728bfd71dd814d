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
 * <p>The decoded text is kept whole, with the start and end of every line. Hot readers work on
 * {@link #text()} by position ({@link #lineStart(int)}, {@link #lineEnd(int)}), so that the String
 * of a line that is only scanned (blank lines, table rows read in place) is never made; {@link
 * #lines()} makes a line's String on first access and then keeps it, so every caller still sees
 * one shared String per line.
 *
 * <p>The text is also kept as one byte per character ({@link #bytes()}): the parsers' loops over
 * characters read that array rather than the String, because the JIT compiles String.charAt loops
 * well only while no UTF-16 text has gone through the JDK's String code in the process, and in a
 * real kkr4j process (command line, number formatting) some always has.
 */
public final class SourceText {

    private final String name;
    private final String text;
    /** The text, one byte per character (see {@link #bytes()}). */
    private final byte[] bytes;
    /** Start of line i (0-based) in {@link #text}, and its end without the line terminator. */
    private final int[] starts;
    private final int[] ends;
    private final int count;
    private final LazyLines lines;

    /**
     * Source from lines already split (without terminators). The text behind the positions is the
     * lines joined with {@code \n}; positions are those of the given lines, whatever they hold.
     *
     * @param name  file path or a label such as {@code <stdin>}; used in messages only
     * @param lines the lines; line {@code i} of the file is {@code lines.get(i - 1)}
     */
    public SourceText(String name, List<String> lines) {
        String[] given = lines.toArray(String[]::new);
        int[] s = new int[given.length];
        int[] e = new int[given.length];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < given.length; i++) {
            s[i] = sb.length();
            sb.append(Objects.requireNonNull(given[i], "line"));
            e[i] = sb.length();
            sb.append('\n');
        }
        this.name = name;
        this.text = sb.toString();
        this.bytes = latin1(text);
        this.starts = s;
        this.ends = e;
        this.count = given.length;
        this.lines = new LazyLines(given);
    }

    private SourceText(String name, String text, byte[] bytes, int[] starts, int[] ends, int count) {
        this.name = name;
        this.text = text;
        this.bytes = bytes;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
        this.lines = new LazyLines(new String[count]);
    }

    public static SourceText read(Path file) {
        try {
            return of(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static SourceText of(String name, byte[] bytes) {
        // ISO-8859-1 maps every byte to the character of the same value: the copy is the byte view
        return of(name, new String(bytes, StandardCharsets.ISO_8859_1), bytes.clone());
    }

    public static SourceText of(String name, String text) {
        return of(name, text, latin1(text));
    }

    /** One byte per character; a character above U+00FF (not a byte of any file) becomes 0xFF. */
    private static byte[] latin1(String text) {
        byte[] b = new byte[text.length()];
        for (int i = 0; i < b.length; i++) {
            char c = text.charAt(i);
            b[i] = (byte) (c > 0xFF ? 0xFF : c);
        }
        return b;
    }

    private static SourceText of(String name, String text, byte[] bytes) {
        // String.indexOf(char) is vectorised; a charAt loop over the text was the cost of splitting
        int capacity = Math.max(16, text.length() / 32);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count++] = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            start = end + 1;
        }
        return new SourceText(name, text, bytes, starts, ends, count);
    }

    /** File path or label, for messages. */
    public String name() {
        return name;
    }

    /** The lines without line terminators; line {@code i} of the file is {@code lines().get(i - 1)}. */
    public List<String> lines() {
        return lines;
    }

    /**
     * The whole decoded text; line {@code n} is {@code text().substring(lineStart(n), lineEnd(n))}.
     * For readers that scan lines by position without making their Strings.
     */
    public String text() {
        return text;
    }

    /**
     * The text as one byte per character: {@code bytes()[i]} is {@code text().charAt(i)} for every
     * character of a file (ISO-8859-1); a character above U+00FF, possible only in text given as
     * Strings, is 0xFF here, which no reader treats as anything but text. For loops that scan
     * characters by position (see the class comment). The array is shared, not copied: read it,
     * never write it.
     */
    public byte[] bytes() {
        return bytes;
    }

    /** Position in {@link #text()} of the first character of the 1-based line {@code number}. */
    public int lineStart(int number) {
        Objects.checkIndex(number - 1, count);
        return starts[number - 1];
    }

    /** Position in {@link #text()} just after the 1-based line {@code number} (terminator excluded). */
    public int lineEnd(int number) {
        Objects.checkIndex(number - 1, count);
        return ends[number - 1];
    }

    /**
     * The unmodifiable lines, each made from the text on first access and kept, so that repeated
     * access and every parser share one String per line.
     */
    private final class LazyLines extends AbstractList<String> implements RandomAccess {

        private final String[] made;

        LazyLines(String[] made) {
            this.made = made;
        }

        @Override
        public String get(int index) {
            Objects.checkIndex(index, count);
            String s = made[index];
            if (s == null) {
                // a racing thread may make an equal String too; Strings are immutable, so either is fine
                s = text.substring(starts[index], ends[index]);
                made[index] = s;
            }
            return s;
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** The 1-based line {@code number}. */
    public String line(int number) {
        return lines.get(number - 1);
    }

    public int lineCount() {
        return count;
    }

    /** True when the file has no lines at all. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** Equal when name and lines are equal (as for the record this class was). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SourceText other && Objects.equals(name, other.name) && lines.equals(other.lines);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(name) + lines.hashCode();
    }

    @Override
    public String toString() {
        return "SourceText[name=" + name + ", lines=" + count + "]";
    }
}
