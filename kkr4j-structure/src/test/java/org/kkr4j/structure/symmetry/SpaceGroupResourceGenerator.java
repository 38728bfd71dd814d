package org.kkr4j.structure.symmetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Derives the committed space-group resource from /work/shared/data/spacegroups/spacegroups.json. */
final class SpaceGroupResourceGenerator {

    private SpaceGroupResourceGenerator() {
    }

    static String generate(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        StringBuilder b = new StringBuilder();
        b.append("# Operations of the 530 Hall settings of the 230 space groups.\n");
        b.append("# Derived from: ").append(root.get("source").asText()).append(" (spglib, BSD-3-Clause),\n");
        b.append("# via shared/data/spacegroups/spacegroups.json; regenerate with SpaceGroupResourceTest.\n");
        b.append("# Columns (tab-separated): hall_number number international_short international_full international\n");
        b.append("#   hall_symbol choice operations (x,y,z notation, ';'-separated)\n");
        for (JsonNode s : root.get("settings")) {
            List<String> ops = new ArrayList<>();
            for (JsonNode op : s.get("operations")) {
                int[] r = new int[9];
                for (int i = 0; i < 9; i++) {
                    r[i] = op.get("R").get(i).asInt();
                }
                double[] t = new double[3];
                for (int i = 0; i < 3; i++) {
                    t[i] = fraction(op.get("t").get(i).asText());
                }
                ops.add(new SymOp(r, t).toXyz());
            }
            b.append(s.get("hall_number").asInt()).append('\t')
                    .append(s.get("number").asInt()).append('\t')
                    .append(s.get("international_short").asText()).append('\t')
                    .append(s.get("international_full").asText()).append('\t')
                    .append(s.get("international").asText()).append('\t')
                    .append(s.get("hall_symbol").asText()).append('\t')
                    .append(s.get("choice").asText()).append('\t')
                    .append(String.join(";", ops)).append('\n');
        }
        return b.toString();
    }

    private static double fraction(String s) {
        int slash = s.indexOf('/');
        return slash < 0 ? Double.parseDouble(s) : Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
    }
}
