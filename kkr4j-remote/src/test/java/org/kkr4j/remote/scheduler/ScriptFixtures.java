package org.kkr4j.remote.scheduler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Job specifications used by the script tests. */
final class ScriptFixtures {
    private ScriptFixtures() {
    }

    /** Every field set; walltime 1 d 2 h 3 min 4 s. */
    static JobSpec full(String dir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KKR_NOTE", "it's $HOME; `x`");
        env.put("EMPTY", "");
        Resources r = new Resources(2, 8, 3, 93784, Optional.of("debug"), Optional.of("proj-7"),
                OptionalLong.of(4000), 1);
        return new JobSpec("run-1", dir, List.of("echo hello > out.txt", "exit 3"), r, env,
                List.of("gcc/12.2", "openmpi"), "# site text\nexport SITE=1\n", List.of("--constraint=a64fx"),
                List.of());
    }

    static JobSpec fullWithoutMemory(String dir) {
        JobSpec f = full(dir);
        Resources r = f.resources();
        return new JobSpec(f.runId(), dir, f.commandLines(), new Resources(r.nodes(), r.mpiProcs(), r.ompThreads(),
                r.walltimeSeconds(), r.queue(), r.account(), OptionalLong.empty(), 1), f.environment(), f.modules(),
                f.prependText(), List.of("-x PJM_LLIO_GFSCACHE=/vol0004"), List.of());
    }
}
