package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.io.akaikkr.side.InfoFileParser;
import org.kkr4j.io.akaikkr.side.SpcFileParser;
import org.kkr4j.io.fortran.FortranNumbers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j parse}: every quantity of a specx log, spc file or info file. */
@Command(name = "parse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Parse specx output: a log (stdout of specx, any version), a Bloch spectral function",
            "file (*_up.spc, *_dn.spc) or an .info file, and print every quantity it holds.",
            "Exit code 0: parsed; 2: not readable as such a file, or a log that is truncated (the partial",
            "results are printed first, then the error saying what is missing)."})
final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "files to parse")
    List<Path> files;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "the whole typed result as JSON")
        boolean json;

        @Option(names = "--csv", description = "one 'quantity,value' row per value (quantity = JSON path)")
        boolean csv;
    }

    /**
     * What a file is. {@code .info} files are known by name; spectral-function data files start with a
     * {@code #} comment or with numbers, whereas a specx log starts with the date. The content decides,
     * because users name logs freely (the akaitools samples call an spc-mode log {@code fe.spc}).
     */
    enum FileKind {
        LOG, SPC, INFO;

        static FileKind of(Path file, SourceText text) {
            if (file.getFileName().toString().endsWith(".info")) {
                return INFO;
            }
            for (String line : text.lines()) {
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("#") || FortranNumbers.parseReal(t.split("\\s+")[0]) != null) {
                    return SPC;
                }
                return LOG;
            }
            return LOG;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KkrFormatException firstIncomplete = null;
        for (Path file : files) {
            SourceText text = SourceText.read(file);
            Object result = switch (FileKind.of(file, text)) {
                case SPC -> SpcFileParser.parse(text);
                case INFO -> InfoFileParser.parse(text);
                case LOG -> SpecxLogParser.parse(text);
            };
            if (format.json) {
                out.println(Json.write(result));
            } else if (format.csv) {
                CsvFlattener.write(Json.tree(result), out);
            } else {
                ResultSummary.print(result, out);
            }
            out.flush();
            if (result instanceof SpecxLog log && firstIncomplete == null) {
                try {
                    log.requireComplete();
                } catch (KkrFormatException incomplete) {
                    firstIncomplete = incomplete;
                }
            }
        }
        if (firstIncomplete != null) {
            throw firstIncomplete;
        }
        return 0;
    }
}
