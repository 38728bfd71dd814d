package org.kkr4j.automation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.kkr4j.io.testing.SharedRoot;

/** Go logs of the shared fixtures used by the SCF-history tests, parsed once. */
final class GoLogs {
    private static final ConcurrentHashMap<Path, GoEvidence> CACHE = new ConcurrentHashMap<>();

    private GoLogs() {
    }

    static GoEvidence read(Path p) {
        return CACHE.computeIfAbsent(p, GoEvidence::read);
    }

    static Path hfRoot() {
        return SharedRoot.akaikkr().resolve("transcribed-cpa2021v01-gaes/Al0p25Ge0p25Hf0p25Bi0p25_fcc");
    }

    /** The AlGeHfBi fcc run at ewidth 1.2 (edelt 1e-4, pmix 5e-3, 500 iterations). */
    static Path hfAt1p2() {
        return hfRoot().resolve("key_13327283,ew_000-1.2000,ed_000-1e-04,polytyp_fcc,pm_000-5e-03/out_go.log");
    }

    /** The AlGeHfBi fcc STEP2 run at 1.21125 with edelt 1e-3 and pmix 1e-4 (300 iterations). */
    static Path hfSlowMixing() {
        return hfRoot().resolve("key_13327283,ew_001-1.2112,ed_001-1e-03,polytyp_fcc,pm_009-1e-04/out_go.log");
    }

    /** The AlGeHfBi fcc STEP2 run at 1.21125 with edelt 1e-3 and pmix 1e-2 (log truncated at 285). */
    static Path hfFastMixing() {
        return hfRoot().resolve("key_13327283,ew_001-1.2112,ed_004-1e-03,polytyp_fcc,pm_000-1e-02/out_go.log");
    }

    static Path feSlow() {
        return SharedRoot.akaikkr().resolve("cpa2002v010-gfortran/edge-cases/fe_go.out");
    }

    /** Every go log of the hea-3d and ewidth-scan recordings. */
    static List<Path> recordedGoLogs() {
        Path base = SharedRoot.akaikkr().resolve("cpa2002v010-gfortran");
        try (Stream<Path> a = Files.list(base.resolve("hea-3d")); Stream<Path> b = Files.list(base.resolve("ewidth-scan"))) {
            return Stream.concat(a, b).map(d -> d.resolve("out_go.log")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
