package org.kkr4j.io.akaikkr.output;

import java.util.Optional;
import org.kkr4j.io.akaikkr.AkaiVersion;

/** The AkaiKKR version family a log was written by, or {@link #UNKNOWN} when the markers do not tell. */
public enum DialectFamily {
    CPA2002V010(AkaiVersion.CPA2002V010),
    /** The 2021 release family: patched cpa2021v01 and the official 2021+ release (akaitools samples). */
    CPA2021V01(AkaiVersion.CPA2021V01),
    V2022_0721(AkaiVersion.V2022_0721),
    V2022_0721_CND(AkaiVersion.V2022_0721_CND),
    UNKNOWN(null);

    private final AkaiVersion version;

    DialectFamily(AkaiVersion version) {
        this.version = version;
    }

    /** The version this family corresponds to; empty for {@link #UNKNOWN}. */
    public Optional<AkaiVersion> version() {
        return Optional.ofNullable(version);
    }
}
