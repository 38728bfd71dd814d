package org.kkr4j.app;

import org.kkr4j.io.akaikkr.AkaiVersion;
import picocli.CommandLine.Option;

/** {@code --from-version V}: how a structure command reads an AkaiKKR card given as input. */
final class CardInputVersion {

    /** Cards without a declared version are read as the newest standard build writes them. */
    static final AkaiVersion DEFAULT = AkaiVersion.V2022_0721;

    @Option(names = "--from-version", paramLabel = "V", converter = CardCommand.VersionConverter.class,
            description = "AkaiKKR version an input card is read with (default 2022.0721)")
    AkaiVersion version;

    AkaiVersion value() {
        return version == null ? DEFAULT : version;
    }
}
