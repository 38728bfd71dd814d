package org.kkr4j.io.akaikkr.card;

import java.util.ArrayList;
import java.util.List;
import org.kkr4j.io.SourceText;

/**
 * The token stream of specx's {@code cnsole.f} + {@code xtoken.f}, re-implemented from their
 * documented behaviour:
 * <ul>
 *   <li>each line is read into a 1024-character buffer (the rest of a longer line is lost) and every
 *       character below 32 or from 128 up becomes a blank;</li>
 *   <li>a line whose first character is {@code c}, {@code C} or {@code #} is a comment, an all-blank
 *       line is skipped; line breaks otherwise do not matter;</li>
 *   <li>tokens are separated by blanks or by a comma; a comma that follows a token, even after
 *       blanks, ends that token and is consumed; every further comma yields an empty token. A
 *       comma at the start of a line is never consumed by the token that ended the previous line.</li>
 * </ul>
 * {@link #pushBack} is xtoken's {@code resume}: the token is read again by the next call.
 */
final class CardTokenizer {

    static final int BUFFER_LENGTH = 1024;

    /** A column-1 comment line, remembered so that errors can point at data lines swallowed as comments. */
    record CommentLine(int line, String text) {
    }

    private final SourceText source;
    private final List<CardProblem> problems;
    private final List<CommentLine> comments = new ArrayList<>();
    private int nextLineIndex;
    private String buffer;
    private int bufferLine;
    private int pos;
    private CardToken pushedBack;
    private CardToken last;

    CardTokenizer(SourceText source, List<CardProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /** The next token, or {@code null} at end of file. */
    CardToken next() {
        if (pushedBack != null) {
            CardToken t = pushedBack;
            pushedBack = null;
            last = t;
            return t;
        }
        if (buffer == null || restIsBlank()) {
            if (!readDataLine()) {
                return null;
            }
        }
        int start = pos;
        while (buffer.charAt(start) == ' ') {
            start++;
        }
        int n = buffer.length();
        for (int i = start; i < n; i++) {
            char c = buffer.charAt(i);
            if (c == ',') {
                pos = i + 1;
                return emit(buffer.substring(start, i).strip(), start);
            }
            if (i > start && buffer.charAt(i - 1) == ' ' && c != ' ') {
                pos = i;
                return emit(buffer.substring(start, i).strip(), start);
            }
        }
        pos = n;
        return emit(buffer.substring(start).strip(), start);
    }

    void pushBack(CardToken token) {
        pushedBack = token;
    }

    /** The last token returned, or null. */
    CardToken last() {
        return last;
    }

    List<CommentLine> comments() {
        return comments;
    }

    /** The line currently being tokenized (0 before the first data line). */
    int currentLine() {
        return bufferLine;
    }

    /** Every token that remains, without interpreting it (used after {@code end}). */
    List<CardToken> drain() {
        List<CardToken> rest = new ArrayList<>();
        for (CardToken t = next(); t != null; t = next()) {
            rest.add(t);
        }
        return rest;
    }

    private CardToken emit(String text, int startIndex) {
        last = new CardToken(text, bufferLine, startIndex + 1);
        return last;
    }

    private boolean restIsBlank() {
        for (int i = pos; i < buffer.length(); i++) {
            if (buffer.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private boolean readDataLine() {
        while (nextLineIndex < source.lineCount()) {
            int lineNo = nextLineIndex + 1;
            String raw = source.lines().get(nextLineIndex++);
            String line = blankControls(raw);
            if (line.length() > BUFFER_LENGTH) {
                if (!line.substring(BUFFER_LENGTH).isBlank()) {
                    problems.add(new CardProblem(CardProblem.Severity.WARNING, lineNo, "line",
                            "line longer than " + BUFFER_LENGTH + " characters: specx ignores everything after"
                                    + " column " + BUFFER_LENGTH));
                }
                line = line.substring(0, BUFFER_LENGTH);
            }
            if (line.isEmpty()) {
                continue;
            }
            char first = line.charAt(0);
            if (first == 'c' || first == 'C' || first == '#') {
                comments.add(new CommentLine(lineNo, line));
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            buffer = line;
            bufferLine = lineNo;
            pos = 0;
            return true;
        }
        buffer = null;
        return false;
    }

    static String blankControls(String raw) {
        StringBuilder sb = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 32 || c >= 128) {
                if (sb == null) {
                    sb = new StringBuilder(raw);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? raw : sb.toString();
    }
}
