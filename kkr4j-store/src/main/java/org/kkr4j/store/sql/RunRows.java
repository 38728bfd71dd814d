package org.kkr4j.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunResult;
import org.kkr4j.store.RunState;
import org.kkr4j.store.db.Dialect;
import org.kkr4j.store.db.Hex;

/** Reading {@link Run}s (run + node + result rows) and writing result rows. */
public final class RunRows {

    static final String SELECT = "SELECT r.node, n.uuid, n.label, n.ctime, r.code_name, r.code_sha256, r.state, "
            + "r.outcome, r.cache_key, r.cached_from, r.threads, r.wall_limit_s, r.work_dir, r.pid, r.pid_start_ticks, "
            + "r.exit_code, r.started, r.finished, r.cancel_requested, x.system, x.lattice, x.mode, x.ewidth_ry, "
            + "x.converged, x.iterations, x.total_energy_ry, x.fermi_energy_ry, x.total_moment_mub, "
            + "x.lattice_constant_bohr, x.tc_k, x.resistivity_uohm_cm, x.moments_json "
            + "FROM run r JOIN node n ON n.id = r.node LEFT JOIN run_result x ON x.node = r.node ";

    static final String RESULT_COLUMNS = "system, lattice, mode, ewidth_ry, converged, iterations, total_energy_ry, "
            + "fermi_energy_ry, total_moment_mub, lattice_constant_bohr, tc_k, resistivity_uohm_cm, moments_json";

    private final Dialect dialect;

    RunRows(Dialect dialect) {
        this.dialect = dialect;
    }

    Optional<Run> load(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + "WHERE r.node = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(run(rows)) : Optional.empty();
            }
        }
    }

    Run run(ResultSet rows) throws SQLException {
        String outcome = rows.getString(8);
        RunResult result = new RunResult(rows.getString(20), rows.getString(21), rows.getString(22), dbl(rows, 23),
                bool(rows, 24), integer(rows, 25), dbl(rows, 26), dbl(rows, 27), dbl(rows, 28), dbl(rows, 29),
                dbl(rows, 30), dbl(rows, 31), rows.getString(32));
        return new Run(rows.getLong(1), dialect.getUuid(rows, 2).toString(), rows.getString(5), Hex.of(rows.getBytes(6)),
                RunState.valueOf(rows.getString(7)), outcome == null ? null : Outcome.valueOf(outcome),
                Hex.of(rows.getBytes(9)), lng(rows, 10), rows.getInt(11), rows.getLong(12), rows.getString(13),
                rows.getLong(14), rows.getLong(15), integer(rows, 16), Instant.ofEpochMilli(rows.getLong(4)),
                instant(rows, 17), instant(rows, 18), rows.getBoolean(19), rows.getString(3), result);
    }

    /** Inserts the result row unless every column is empty (a missing row reads as {@link RunResult#EMPTY}). */
    public static void insertResult(Connection c, long node, RunResult r) throws SQLException {
        if (r == null || r.equals(RunResult.EMPTY)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run_result (node, " + RESULT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, node);
            s.setString(2, r.system());
            s.setString(3, r.lattice());
            s.setString(4, r.mode());
            setDouble(s, 5, r.ewidthRy());
            if (r.converged() == null) {
                s.setNull(6, Types.BOOLEAN);
            } else {
                s.setBoolean(6, r.converged());
            }
            if (r.iterations() == null) {
                s.setNull(7, Types.INTEGER);
            } else {
                s.setInt(7, r.iterations());
            }
            setDouble(s, 8, r.totalEnergyRy());
            setDouble(s, 9, r.fermiEnergyRy());
            setDouble(s, 10, r.totalMomentMuB());
            setDouble(s, 11, r.latticeConstantBohr());
            setDouble(s, 12, r.curieTemperatureK());
            setDouble(s, 13, r.resistivityMicroOhmCm());
            s.setString(14, Json.requireObject(r.momentsJson(), "moments JSON"));
            s.executeUpdate();
        }
    }

    private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }

    public static Long lng(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    public static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    public static Double dbl(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    public static Boolean bool(ResultSet rows, int column) throws SQLException {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        Long millis = lng(rows, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
