package org.kkr4j.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kkr4j} command: every capability is a subcommand. */
@Command(name = "kkr4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Automatic materials exploration with the KKR-CPA code AkaiKKR.",
        subcommands = {
                ParseCommand.class,
                ScfCommand.class,
                CardCommand.class,
                ConvertCommand.class,
                StructureCommand.class,
                CodeCommand.class,
                ComputerCommand.class,
                RunCommand.class,
                PsCommand.class,
                ShowCommand.class,
                LogCommand.class,
                CancelCommand.class,
                ArchiveCommands.Export.class,
                ArchiveCommands.Import.class,
                ArchiveCommands.Gc.class,
                EngineCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                EwidthCommand.class,
                MlCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Kkr4j implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Kkr4j());
        cl.setExecutionExceptionHandler(new ErrorReporter());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
