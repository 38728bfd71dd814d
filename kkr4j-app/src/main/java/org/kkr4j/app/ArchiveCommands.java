package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kkr4j.store.ArchiveSummary;
import org.kkr4j.store.GcSummary;
import org.kkr4j.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j export}, {@code import} and {@code gc}: moving runs between homes and reclaiming space. */
final class ArchiveCommands {
    private ArchiveCommands() {
    }

    static String describe(ArchiveSummary s) {
        return s.runs() + " run(s), " + s.nodes() + " node(s), " + s.links() + " link(s), " + s.events()
                + " event(s), " + s.blobs() + " blob(s) of " + s.blobBytes() + " bytes";
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Write runs with their whole provenance (inputs, the runs that made them, workflows,",
                "events, codes) and every file to a self-contained archive: a .zip file or a directory."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;

        @Parameters(paramLabel = "RUN", arity = "1..*", description = "run ids, uuids or uuid prefixes")
        List<String> ids;

        @Option(names = "--to", required = true, paramLabel = "DIR|ZIP", description = "target: name.zip or a directory")
        Path target;

        @Override
        public Integer call() {
            try (Store store = storeOptions.open()) {
                List<Long> runIds = new ArrayList<>();
                for (String id : ids) {
                    runIds.add(RunLookup.require(store, id).nodeId());
                }
                ArchiveSummary s = store.export(runIds, target);
                spec.commandLine().getOut().println("exported " + describe(s) + " to " + target);
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Import an archive written by kkr4j export; what is already here (same uuid) is kept once.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;

        @Parameters(paramLabel = "ARCHIVE", description = "a .zip file or directory written by kkr4j export")
        Path source;

        @Override
        public Integer call() {
            try (Store store = storeOptions.open()) {
                ArchiveSummary s = store.importArchive(source);
                spec.commandLine().getOut().println("imported " + describe(s) + " from " + source + " into "
                        + store.describe());
            }
            return 0;
        }
    }

    @Command(name = "gc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Remove stored files no run refers to and compact the blob packs.")
    static final class Gc implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                GcSummary s = store.gc();
                out.println("removed " + s.blobsRemoved() + " blob(s), freed " + s.bytesFreed() + " bytes, rewrote "
                        + s.packsRewritten() + " pack(s); " + s.blobsKept() + " blob(s) kept");
            }
            return 0;
        }
    }
}
