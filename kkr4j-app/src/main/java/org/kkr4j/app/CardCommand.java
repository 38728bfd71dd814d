package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardChecker;
import org.kkr4j.io.akaikkr.card.CardConversion;
import org.kkr4j.io.akaikkr.card.CardConverter;
import org.kkr4j.io.akaikkr.card.CardProblem;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.akaikkr.card.CardReading;
import org.kkr4j.io.akaikkr.card.CardWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j card check|convert}: AkaiKKR input cards against a declared AkaiKKR version. */
@Command(name = "card", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check or convert AkaiKKR input cards for a given AkaiKKR version.",
        subcommands = {CardCommand.Check.class, CardCommand.Convert.class})
final class CardCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A problem in the compiler-like form {@code file:line: severity: [field] message}. */
    static String describe(Path card, CardProblem p) {
        return card + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.severity().name().toLowerCase(Locale.ROOT)
                + ": [" + p.field() + "] " + p.message();
    }

    static void requireCard(CommandSpec spec, Path card) {
        if (card == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'CARD'");
        }
    }

    static final class VersionConverter implements picocli.CommandLine.ITypeConverter<AkaiVersion> {
        @Override
        public AkaiVersion convert(String value) {
            return AkaiVersion.parse(value);
        }
    }

    @Command(name = "check", versionProvider = VersionProvider.class,
            description = {"Read CARD with the tokenizer rules of specx and explain every problem for version V.",
                "Exit code 0: no error (warnings may be printed); 1: the card has errors for V; 2: unreadable card."})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CARD", arity = "0..1", description = "the input card (what specx reads on stdin)")
        Path card;

        @picocli.CommandLine.Mixin
        AkaiVersionOption target = new AkaiVersionOption();

        @Override
        public Integer call() {
            if (target.printedKkr4jVersion(spec)) {
                return 0;
            }
            AkaiVersion version = target.required(spec);
            requireCard(spec, card);
            PrintWriter out = spec.commandLine().getOut();
            CardReading reading = CardReader.readWithWarnings(SourceText.read(card), version);
            List<CardProblem> problems = CardChecker.check(reading, version);
            long errors = problems.stream().filter(CardProblem::isError).count();
            long warnings = problems.size() - errors;
            for (CardProblem p : problems) {
                out.println(describe(card, p));
            }
            int decks = reading.card().decks().size();
            out.println(card + ": " + decks + (decks == 1 ? " deck" : " decks") + " for " + version.id() + ": "
                    + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                    + (warnings == 1 ? " warning" : " warnings") + (errors == 0 ? " - specx " + version.id()
                    + " will read it as kkr4j does" : ""));
            out.flush();
            return errors == 0 ? 0 : 1;
        }
    }

    @Command(name = "convert", versionProvider = VersionProvider.class,
            description = {"Rewrite CARD for version V: explicit values, one blank of indentation, decimals in",
                "k-points, a final ' end'; refuses with the reason what V cannot do. The changes made are",
                "listed on stderr."})
    static final class Convert implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CARD", arity = "0..1", description = "the input card")
        Path card;

        @picocli.CommandLine.Mixin
        AkaiVersionOption targetVersion = new AkaiVersionOption();

        @Option(names = "--from", paramLabel = "V0", converter = VersionConverter.class,
                description = "the version CARD was written for (default: the target version); it decides how "
                        + "the card is read, e.g. the displacement columns of 2022.0721-cnd")
        AkaiVersion from;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the card here instead of stdout")
        Path output;

        @Override
        public Integer call() {
            if (targetVersion.printedKkr4jVersion(spec)) {
                return 0;
            }
            AkaiVersion target = targetVersion.required(spec);
            requireCard(spec, card);
            AkaiVersion source = from != null ? from : target;
            CardReading reading = CardReader.readWithWarnings(SourceText.read(card), source);
            CardConversion conversion = CardConverter.convert(reading.card(), source, target);
            String text = CardWriter.write(conversion.card(), target);
            PrintWriter err = spec.commandLine().getErr();
            for (CardProblem w : reading.warnings()) {
                err.println(describe(card, w));
            }
            for (String change : conversion.changes()) {
                err.println("changed: " + change);
            }
            err.flush();
            TextOutput.write(spec, output, text);
            return 0;
        }
    }
}
