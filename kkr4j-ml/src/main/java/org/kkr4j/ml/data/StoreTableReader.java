package org.kkr4j.ml.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunQuery;
import org.kkr4j.store.RunResult;
import org.kkr4j.store.RunState;
import org.kkr4j.store.Store;

/**
 * The stored result columns of every DONE run as a table, oldest first; read-only. Columns: {@code run_id},
 * {@code uuid}, {@code code}, {@code outcome}, {@code label}, then the columns of {@link RunResult} under the names
 * of {@link #RESULT_COLUMNS} ({@code converged} as 1/0 like the CSV datasets), then one {@code m_<El>} column per
 * element with a component spin moment ({@code m_<type>.<El>} where an element sits on several types). A value the
 * store does not have is an empty cell. The "line" of a row is its 1-based position in this listing (the run id is
 * in its own column).
 */
public final class StoreTableReader {
    /** The result columns, in order. */
    public static final List<String> RESULT_COLUMNS = List.of("system", "lattice", "mode", "ewidth_Ry", "converged",
            "iterations", "total_energy_Ry", "fermi_energy_Ry", "total_moment_muB", "lattice_constant_bohr",
            "curie_temperature_K", "resistivity_microOhmCm");
    private static final List<String> RUN_COLUMNS = List.of("run_id", "uuid", "code", "outcome", "label");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreTableReader() {
    }

    public static Table read(Store store) {
        return read(store, null);
    }

    /** As {@link #read(Store)}, only runs of the code named {@code codeName} (all codes when null). */
    public static Table read(Store store, String codeName) {
        String source = "store " + store.describe();
        List<Run> runs = store.runs(new RunQuery(Set.of(RunState.DONE), codeName, 0, true));
        List<Map<String, String>> moments = new ArrayList<>(runs.size());
        Set<String> momentColumns = new LinkedHashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, String> m = moments(runs.get(i).result().momentsJson(), source, i + 1);
            moments.add(m);
            momentColumns.addAll(m.keySet());
        }
        List<String> columns = new ArrayList<>(RUN_COLUMNS);
        columns.addAll(RESULT_COLUMNS);
        columns.addAll(momentColumns);
        List<List<String>> rows = new ArrayList<>(runs.size());
        List<Integer> lines = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            RunResult r = run.result();
            List<String> row = new ArrayList<>(columns.size());
            row.add(Long.toString(run.nodeId()));
            row.add(run.uuid());
            row.add(run.codeName());
            row.add(run.outcome() == null ? "" : run.outcome().name());
            row.add(text(run.label()));
            row.add(text(r.system()));
            row.add(text(r.lattice()));
            row.add(text(r.mode()));
            row.add(text(r.ewidthRy()));
            row.add(r.converged() == null ? "" : r.converged() ? "1" : "0");
            row.add(text(r.iterations()));
            row.add(text(r.totalEnergyRy()));
            row.add(text(r.fermiEnergyRy()));
            row.add(text(r.totalMomentMuB()));
            row.add(text(r.latticeConstantBohr()));
            row.add(text(r.curieTemperatureK()));
            row.add(text(r.resistivityMicroOhmCm()));
            for (String c : momentColumns) {
                row.add(moments.get(i).getOrDefault(c, ""));
            }
            rows.add(row);
            lines.add(i + 1);
        }
        return new Table(source, columns, rows, lines);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Component spin moments of the engine's JSON ({@code {"components":[{"type","element","spinMomentMuB"}]}}). */
    private static Map<String, String> moments(String json, String source, int line) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TableFormatException(source, line, "moments", "stored moments are not valid JSON", e);
        }
        JsonNode components = root.path("components");
        Map<String, Integer> typesPerElement = new LinkedHashMap<>();
        for (JsonNode c : components) {
            typesPerElement.merge(c.path("element").asText(), 1, Integer::sum);
        }
        for (JsonNode c : components) {
            String element = c.path("element").asText();
            JsonNode spin = c.path("spinMomentMuB");
            String name = typesPerElement.get(element) > 1 ? "m_" + c.path("type").asText() + "." + element
                    : "m_" + element;
            out.put(name, spin.isNumber() ? spin.asText() : "");
        }
        return out;
    }
}
