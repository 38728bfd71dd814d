package org.kkr4j.app;

import org.kkr4j.io.akaikkr.AkaiVersion;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of commands that take an AkaiKKR version: {@code --version V} names the version, as
 * users and the issues write it; given alone it prints kkr4j's version like every other command.
 * {@code -h/--help} and {@code -V} are declared here because the standard mixin would claim
 * {@code --version}.
 */
final class AkaiVersionOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "-V", versionHelp = true, description = "Print version information and exit.")
    boolean versionHelp;

    @Option(names = "--version", arity = "0..1", fallbackValue = "", paramLabel = "V",
            description = "AkaiKKR version: cpa2002v010, cpa2021v01, 2022.0721, 2022.0721-cnd "
                    + "(alone: print kkr4j's version and exit)")
    String text;

    /** True after printing kkr4j's version, when {@code --version} was given without a value. */
    boolean printedKkr4jVersion(CommandSpec spec) {
        if ("".equals(text)) {
            spec.commandLine().printVersionHelp(spec.commandLine().getOut());
            return true;
        }
        return false;
    }

    /** The version given, or {@code dflt} when the option is absent. */
    AkaiVersion orDefault(AkaiVersion dflt) {
        return text == null ? dflt : AkaiVersion.parse(text);
    }

    /** The version given; its absence is a usage error. */
    AkaiVersion required(CommandSpec spec) {
        if (text == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--version=V' (the AkaiKKR version: cpa2002v010, cpa2021v01, "
                            + "2022.0721, 2022.0721-cnd)");
        }
        return AkaiVersion.parse(text);
    }
}
