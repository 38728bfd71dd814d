package org.kkr4j.ml.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON array of flat objects, one row per object. The columns are the keys in the order they first appear;
 * a key an object lacks, and JSON {@code null}, give an empty cell. Numbers keep their JSON spelling, booleans become
 * {@code true}/{@code false}. Nested arrays or objects are refused (they are not table cells). The line of a row is
 * the line its object opens on.
 */
public final class JsonTableReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonTableReader() {
    }

    public static Table read(Path file) {
        return TableText.fromFile(file, JsonTableReader::read);
    }

    public static Table read(String text, String source) {
        return TableText.fromString(text, source, JsonTableReader::read);
    }

    public static Table read(Reader in, String source) throws IOException {
        List<Map<String, String>> objects = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, Boolean> columns = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new TableFormatException(source, p.currentLocation().getLineNr(), null,
                        "expected a JSON array of objects");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                int line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new TableFormatException(source, line, null, "expected an object, found " + t);
                }
                JsonNode node = p.readValueAsTree();
                Map<String, String> cells = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    JsonNode v = f.getValue();
                    if (v.isContainerNode()) {
                        throw new TableFormatException(source, line, f.getKey(),
                                "a nested " + (v.isArray() ? "array" : "object") + " is not a table cell");
                    }
                    cells.put(f.getKey(), v.isNull() ? "" : v.asText());
                    columns.put(f.getKey(), Boolean.TRUE);
                }
                objects.add(cells);
                lines.add(line);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TableFormatException(source, line, null, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        List<String> names = List.copyOf(columns.keySet());
        List<List<String>> rows = new ArrayList<>(objects.size());
        for (Map<String, String> o : objects) {
            List<String> row = new ArrayList<>(names.size());
            for (String n : names) {
                row.add(o.getOrDefault(n, ""));
            }
            rows.add(row);
        }
        return new Table(source, names, rows, lines);
    }
}
