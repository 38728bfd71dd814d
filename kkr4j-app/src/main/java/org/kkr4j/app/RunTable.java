package org.kkr4j.app;

import java.io.PrintWriter;
import java.util.List;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunResult;

/** Runs as a fixed-width table, one line each, the way {@code kkr4j ps} and {@code kkr4j run --wait} print them. */
final class RunTable {
    private static final String FORMAT = "%6s  %-8s  %-9s  %-16s  %-22s  %-4s  %-5s  %4s  %16s  %10s  %9s  %s";

    private RunTable() {
    }

    static void print(List<Run> runs, PrintWriter out) {
        out.println(String.format(FORMAT, "id", "uuid", "state", "outcome", "system", "lat", "mode", "iter",
                "E_total (Ry)", "E_F (Ry)", "M (muB)", "code / note"));
        for (Run run : runs) {
            out.println(row(run));
        }
    }

    static String row(Run run) {
        RunResult r = run.result();
        String note = run.codeName() + (run.cachedFrom() != null ? " (cache hit of run " + run.cachedFrom() + ")" : "")
                + (run.label() != null ? " " + run.label() : "");
        return String.format(FORMAT, run.nodeId(), run.uuid().substring(0, 8), run.state(),
                run.outcome() == null ? "-" : run.outcome(), text(r.system(), 22), text(r.lattice(), 4),
                text(r.mode(), 5), r.iterations() == null ? "-" : r.iterations(), number(r.totalEnergyRy()),
                number(r.fermiEnergyRy()), number(r.totalMomentMuB()), note);
    }

    private static String text(String s, int width) {
        if (s == null) {
            return "-";
        }
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    /** Shortest text that reads back as the same double: the stored value, not a rounded one. */
    static String number(Double v) {
        return v == null ? "-" : Double.toString(v);
    }
}
