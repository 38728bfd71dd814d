package org.kkr4j.io.akaikkr;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AkaiKKR versions ("dialects") kkr4j writes for and reads from. They differ in the modes they
 * accept, the length of type names, option blocks, the k-point coordinates of spc and the
 * reference point of the real-axis energy window (see {@code shared/reference/akaikkr-io.md}).
 */
public enum AkaiVersion {

    /** The 2018 release "v010"; the version this project records real runs with. */
    CPA2002V010("cpa2002v010", 8, false, 0.75,
            EnumSet.of(GoMode.Kind.GO, GoMode.Kind.DSP, GoMode.Kind.DOS, GoMode.Kind.LOG, GoMode.Kind.MCD,
                    GoMode.Kind.XMD, GoMode.Kind.SPC, GoMode.Kind.FSM)),

    /**
     * The official 2021 release. Type names are 16 characters there; the PyAkaiKKR test patch widens
     * them to 40 and adds {@code geom}, which kkr4j does not assume.
     */
    CPA2021V01("cpa2021v01", 16, true, 0.5,
            EnumSet.of(GoMode.Kind.GO, GoMode.Kind.DSP, GoMode.Kind.DOS, GoMode.Kind.LOG, GoMode.Kind.MCD,
                    GoMode.Kind.XMD, GoMode.Kind.SPC, GoMode.Kind.FSM, GoMode.Kind.TC, GoMode.Kind.J)),

    /** The 2022.0721 development tree, standard {@code akaikkr} build. */
    V2022_0721("2022.0721", 40, true, 0.75,
            EnumSet.of(GoMode.Kind.GO, GoMode.Kind.DSP, GoMode.Kind.DOS, GoMode.Kind.LOG, GoMode.Kind.MCD,
                    GoMode.Kind.XMD, GoMode.Kind.SPC, GoMode.Kind.FSM, GoMode.Kind.TC, GoMode.Kind.J,
                    GoMode.Kind.GEOM)),

    /** The 2022.0721 {@code akaikkr_cnd} build: transport, and a displacement per component. */
    V2022_0721_CND("2022.0721-cnd", 40, true, 0.5,
            EnumSet.of(GoMode.Kind.GO, GoMode.Kind.DSP, GoMode.Kind.DOS, GoMode.Kind.LOG, GoMode.Kind.MCD,
                    GoMode.Kind.XMD, GoMode.Kind.SPC, GoMode.Kind.FSM, GoMode.Kind.TC, GoMode.Kind.J,
                    GoMode.Kind.GEOM, GoMode.Kind.CND, GoMode.Kind.SBK));

    private final String id;
    private final int typeNameLength;
    private final boolean optionBlocks;
    private final double dosWindowReference;
    private final Set<GoMode.Kind> modes;

    AkaiVersion(String id, int typeNameLength, boolean optionBlocks, double dosWindowReference,
                Set<GoMode.Kind> modes) {
        this.id = id;
        this.typeNameLength = typeNameLength;
        this.optionBlocks = optionBlocks;
        this.dosWindowReference = dosWindowReference;
        this.modes = modes;
    }

    /** The name users write: {@code cpa2002v010}, {@code cpa2021v01}, {@code 2022.0721}, {@code 2022.0721-cnd}. */
    public String id() {
        return id;
    }

    /** Characters of a type name the binary keeps; longer names are silently truncated by specx. */
    public int typeNameLength() {
        return typeNameLength;
    }

    /** Whether {@code begin_option ... end_option} blocks are understood. */
    public boolean supportsOptionBlocks() {
        return optionBlocks;
    }

    /** Whether the card gives each CPA component a displacement {@code dx dy dz} before anclr. */
    public boolean hasDisplacementColumns() {
        return this == V2022_0721_CND;
    }

    /**
     * The fraction {@code ref} of ewidth below E_F at which the dos/spc window starts: the window is
     * [E_F - ref*ewidth, E_F + (1-ref)*ewidth].
     */
    public double dosWindowReference() {
        return dosWindowReference;
    }

    public boolean supports(GoMode.Kind kind) {
        return modes.contains(kind);
    }

    public Set<GoMode.Kind> modes() {
        return Set.copyOf(modes);
    }

    @Override
    public String toString() {
        return id;
    }

    /** Parses a version name as users write it (case-insensitive); the error lists the known names. */
    public static AkaiVersion parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (AkaiVersion v : values()) {
            if (v.id.equals(t)) {
                return v;
            }
        }
        switch (t) {
            case "v2022.0721", "2022.0721-standard", "akaikkr" -> {
                return V2022_0721;
            }
            case "v2022.0721-cnd", "akaikkr_cnd", "2022.0721cnd" -> {
                return V2022_0721_CND;
            }
            case "v010", "cpa2002" -> {
                return CPA2002V010;
            }
            default -> {
                // fall through to the error
            }
        }
        throw new IllegalArgumentException("unknown AkaiKKR version '" + text + "'; known: "
                + Arrays.stream(values()).map(AkaiVersion::id).collect(Collectors.joining(", ")));
    }
}
