package org.kkr4j.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command's main text goes: the file of {@code -o}, or stdout. */
final class TextOutput {

    private TextOutput() {
    }

    static void write(CommandSpec spec, Path output, String text) {
        if (output != null) {
            try {
                Files.writeString(output, text, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
    }
}
