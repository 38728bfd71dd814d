package org.kkr4j.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes any result as a two-column CSV {@code quantity,value}, one row per leaf: the quantity is the
 * JSON path ({@code decks[0].iterations[46].totalEnergyRy}). Long format keeps every quantity of every
 * block, whatever its shape, loadable by any spreadsheet or data-frame library.
 */
public final class CsvFlattener {

    private CsvFlattener() {
    }

    public static void write(JsonNode root, PrintWriter out) {
        out.println("quantity,value");
        walk(root, "", out);
        out.flush();
    }

    private static void walk(JsonNode node, String path, PrintWriter out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                walk(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.print(quote(path));
            out.print(',');
            out.println(node.isNull() ? "" : quote(node.asText()));
        }
    }

    static String quote(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
