package org.kkr4j.structure.cif;

import org.kkr4j.io.SourceText;
import org.kkr4j.structure.StructureFormatException;
import org.kkr4j.structure.StructureFormatException.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CIF 1.1 syntax: data blocks, items, loops, quoted strings and semicolon text fields, comments.
 * Every value keeps its line so that semantic errors can point at it. Save frames are skipped
 * (they hold dictionary definitions, not crystal data).
 */
public final class CifSyntax {

    private final SourceText src;
    private final List<CifToken> tokens = new ArrayList<>();
    private int pos;

    private CifSyntax(SourceText src) {
        this.src = src;
    }

    /** All data blocks of the file, in order. */
    public static List<CifBlock> parse(SourceText src) {
        CifSyntax p = new CifSyntax(src);
        p.tokenize();
        return p.blocks();
    }

    private void tokenize() {
        List<String> lines = src.lines();
        for (int li = 0; li < lines.size(); li++) {
            String line = lines.get(li);
            int lineNo = li + 1;
            if (line.startsWith(";")) {
                StringBuilder text = new StringBuilder(line.substring(1));
                int start = lineNo;
                li++;
                while (li < lines.size() && !lines.get(li).startsWith(";")) {
                    text.append('\n').append(lines.get(li));
                    li++;
                }
                if (li >= lines.size()) {
                    throw new StructureFormatException(Kind.SYNTAX, src.name(), start, "text field", "text field opened by ';' is never closed");
                }
                tokens.add(new CifToken(text.toString().strip(), start, true));
                // anything after the closing ';' on its line is further tokens
                tokenizeLine(lines.get(li).substring(1), lineNo = li + 1);
                continue;
            }
            tokenizeLine(line, lineNo);
        }
    }

    private void tokenizeLine(String line, int lineNo) {
        int i = 0, n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                return;
            } else if (c == '\'' || c == '"') {
                // a quote closes only when followed by whitespace or the end of the line (CIF 1.1)
                int j = i + 1;
                while (j < n && !(line.charAt(j) == c && (j + 1 == n || Character.isWhitespace(line.charAt(j + 1))))) {
                    j++;
                }
                if (j >= n) {
                    throw new StructureFormatException(Kind.SYNTAX, src.name(), lineNo, "column " + (i + 1), "unterminated quoted string");
                }
                tokens.add(new CifToken(line.substring(i + 1, j), lineNo, true));
                i = j + 1;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(line.charAt(j))) {
                    j++;
                }
                tokens.add(new CifToken(line.substring(i, j), lineNo, false));
                i = j;
            }
        }
    }

    private static boolean isKeyword(CifToken t, String prefix) {
        return !t.quoted() && t.text().toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    private static boolean isTag(CifToken t) {
        return !t.quoted() && t.text().startsWith("_");
    }

    private static boolean isReserved(CifToken t) {
        return isKeyword(t, "data_") || isKeyword(t, "loop_") || isKeyword(t, "save_")
                || isKeyword(t, "global_") || isKeyword(t, "stop_");
    }

    private List<CifBlock> blocks() {
        List<CifBlock> blocks = new ArrayList<>();
        String name = null;
        int blockLine = 0;
        Map<String, CifToken> items = new LinkedHashMap<>();
        List<CifLoop> loops = new ArrayList<>();
        while (pos < tokens.size()) {
            CifToken t = tokens.get(pos);
            if (isKeyword(t, "data_")) {
                if (name != null) {
                    blocks.add(new CifBlock(name, blockLine, items, loops));
                }
                name = t.text().substring(5);
                blockLine = t.line();
                items = new LinkedHashMap<>();
                loops = new ArrayList<>();
                pos++;
            } else if (isKeyword(t, "save_")) {
                skipSaveFrame(t);
            } else if (isKeyword(t, "global_")) {
                throw new StructureFormatException(Kind.NOT_SUPPORTED, src.name(), t.line(), t.text(), "global_ blocks (STAR) are not CIF");
            } else if (name == null) {
                throw new StructureFormatException(Kind.SYNTAX, src.name(), t.line(), t.text(), "data before the first data_ block");
            } else if (isKeyword(t, "loop_")) {
                loops.add(readLoop(t));
            } else if (isTag(t)) {
                pos++;
                if (pos >= tokens.size() || isTag(tokens.get(pos)) || isReserved(tokens.get(pos))) {
                    throw new StructureFormatException(Kind.SYNTAX, src.name(), t.line(), t.text(), "tag without a value");
                }
                items.put(t.text().toLowerCase(Locale.ROOT), tokens.get(pos));
                pos++;
            } else {
                throw new StructureFormatException(Kind.SYNTAX, src.name(), t.line(), t.text(), "value '" + t.text() + "' without a tag");
            }
        }
        if (name != null) {
            blocks.add(new CifBlock(name, blockLine, items, loops));
        }
        return blocks;
    }

    private void skipSaveFrame(CifToken open) {
        pos++;
        while (pos < tokens.size()) {
            CifToken t = tokens.get(pos++);
            if (!t.quoted() && t.text().equalsIgnoreCase("save_")) {
                return;
            }
        }
        throw new StructureFormatException(Kind.SYNTAX, src.name(), open.line(), open.text(), "save frame is never closed");
    }

    private CifLoop readLoop(CifToken loopToken) {
        pos++;
        List<String> tags = new ArrayList<>();
        while (pos < tokens.size() && isTag(tokens.get(pos))) {
            tags.add(tokens.get(pos).text().toLowerCase(Locale.ROOT));
            pos++;
        }
        if (tags.isEmpty()) {
            throw new StructureFormatException(Kind.SYNTAX, src.name(), loopToken.line(), "loop_", "loop_ without tags");
        }
        List<CifToken> values = new ArrayList<>();
        while (pos < tokens.size() && !isTag(tokens.get(pos)) && !isReserved(tokens.get(pos))) {
            values.add(tokens.get(pos));
            pos++;
        }
        if (values.size() % tags.size() != 0) {
            throw new StructureFormatException(Kind.SYNTAX, src.name(), loopToken.line(), tags.get(0),
                    values.size() + " values in a loop of " + tags.size() + " tags (not a multiple)");
        }
        List<List<CifToken>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i += tags.size()) {
            rows.add(values.subList(i, i + tags.size()));
        }
        return new CifLoop(loopToken.line(), tags, rows);
    }
}
