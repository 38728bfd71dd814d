package org.kkr4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kkr4j.store.Fixtures.registerCode;
import static org.kkr4j.store.Fixtures.submission;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {

    /** go → dos chain in a workflow, plus a cache hit of the go run; exports the dos run and the cache hit. */
    private record History(Run go, Run dos, Run hit, Node workflow) {
    }

    private static History history(Store store) {
        registerCode(store);
        Node workflow = store.createWorkflow("workflow.chain", "chain", "{\"system\":\"Fe\"}");
        Run go = store.submit(submission(store, "card go", List.of(), workflow.id()));
        go = Fixtures.finish(store, go, "go");
        Node out = store.outputNode(go.nodeId()).orElseThrow();
        FileEntry pot = store.files(out.id()).stream().filter(f -> f.path().equals("data/pot")).findFirst().orElseThrow();
        Run dos = store.submit(submission(store, "card dos",
                List.of(new RunSubmission.InputFile("data/pot", pot.blob(), out.id())), workflow.id()));
        dos = Fixtures.finish(store, dos, "dos");
        store.appendEvent(workflow.id(), "GO", "DOS", "potential converged", null);
        Run hit = store.submitCached(submission(store, "card go"), go);
        return new History(go, dos, hit, workflow);
    }

    @BothBackends
    void exportThenImportReproducesRunsLinksEventsAndBlobsAndASecondImportAddsNothing(Backend backend, @TempDir Path dir)
            throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store source = h.open();
            History history = history(source);
            source.createWorkflow("workflow.unrelated", "not exported", null);
            Fixtures.finishedRun(source, "unrelated card");

            for (String name : List.of("archive.zip", "archive-dir")) {
                Path archive = dir.resolve(name);
                ArchiveSummary exported = source.export(List.of(history.dos().nodeId(), history.hit().nodeId()), archive);
                assertThat(exported.runs()).isEqualTo(3);
                // workflow, go (card, retrieved), dos (card, retrieved), hit (card) = 3 runs + 5 data + 1 workflow
                assertThat(exported.nodes()).isEqualTo(9);
                // cards of go and dos (the hit reuses the go card), log and potential of go and dos
                assertThat(exported.blobs()).isEqualTo(6);
                assertThat(name.endsWith(".zip") ? Files.isRegularFile(archive) : Files.isDirectory(archive)).isTrue();

                Store target = h.open(h.newLocation(), StoreHarness.fastOptions());
                ArchiveSummary imported = target.importArchive(archive);
                assertThat(imported).isEqualTo(exported);

                Run dos = target.findRun(history.dos().uuid()).orElseThrow();
                Run go = target.findRun(history.go().uuid()).orElseThrow();
                Run hit = target.findRun(history.hit().uuid()).orElseThrow();
                assertThat(withoutIds(dos)).isEqualTo(withoutIds(history.dos()));
                assertThat(withoutIds(go)).isEqualTo(withoutIds(history.go()));
                assertThat(hit.cachedFrom()).isEqualTo(go.nodeId());
                assertThat(target.outputNode(hit.nodeId()).map(Node::uuid))
                        .isEqualTo(source.outputNode(history.go().nodeId()).map(Node::uuid));

                assertThat(shape(target, dos.nodeId(), target::incoming)).isEqualTo(shape(source, history.dos().nodeId(), source::incoming));
                assertThat(shape(target, go.nodeId(), target::outgoing)).isEqualTo(shape(source, history.go().nodeId(), source::outgoing));
                assertThat(target.events(dos.nodeId())).extracting(Event::toState, Event::reason, Event::time)
                        .isEqualTo(source.events(history.dos().nodeId()).stream()
                                .map(e -> org.assertj.core.groups.Tuple.tuple(e.toState(), e.reason(), e.time())).toList());
                Run targetDos = dos;
                Node workflow = target.incoming(dos.nodeId()).stream().filter(l -> l.type() == LinkType.CALL_CALC)
                        .map(l -> target.node(l.sourceId())).findFirst().orElseThrow();
                assertThat(workflow.uuid()).isEqualTo(history.workflow().uuid());
                assertThat(workflow.attrsJson()).isEqualTo("{\"system\":\"Fe\"}");
                assertThat(target.events(workflow.id())).extracting(Event::toState).containsExactly("CREATED", "DOS");
                for (FileEntry file : target.files(target.outputNode(targetDos.nodeId()).orElseThrow().id())) {
                    assertThat(target.blobs().read(file.blob().sha256())).isEqualTo(source.blobs().read(file.blob().sha256()));
                }
                assertThat(target.inputs(dos.nodeId())).isEqualTo(source.inputs(history.dos().nodeId()));
                assertThat(target.code(Fixtures.CODE)).isEqualTo(source.code(Fixtures.CODE));
                assertThat(target.runs(RunQuery.all())).hasSize(3);

                long events = target.eventsSince(0, 0).size();
                assertThat(target.importArchive(archive)).isEqualTo(new ArchiveSummary(0, 0, 0, 0, 0, 0));
                assertThat(target.runs(RunQuery.all())).hasSize(3);
                assertThat(target.eventsSince(0, 0)).hasSize((int) events);

                ArchiveSummary back = source.importArchive(archive);
                assertThat(back).isEqualTo(new ArchiveSummary(0, 0, 0, 0, 0, 0));
            }
        }
    }

    @BothBackends
    void aTamperedArchiveIsRefusedBeforeAnyMetadataIsWritten(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store source = h.open();
            History history = history(source);
            Path archive = dir.resolve("tampered");
            source.export(List.of(history.dos().nodeId()), archive);
            Path blob;
            try (var files = Files.list(archive.resolve("blobs"))) {
                blob = files.sorted().findFirst().orElseThrow();
            }
            Files.writeString(blob, "not what was exported", StandardCharsets.UTF_8);

            Store target = h.open(h.newLocation(), StoreHarness.fastOptions());
            assertThatThrownBy(() -> target.importArchive(archive)).isInstanceOf(CorruptBlobException.class)
                    .hasMessageContaining(blob.getFileName().toString());
            assertThat(target.runs(RunQuery.all())).isEmpty();
            assertThat(target.eventsSince(0, 0)).isEmpty();

            Path future = dir.resolve("future");
            source.export(List.of(history.go().nodeId()), future);
            Path manifest = future.resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
            assertThatThrownBy(() -> target.importArchive(future)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("format version 99");
            assertThatThrownBy(() -> target.importArchive(dir.resolve("nothing-here"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no archive");
        }
    }

    @BothBackends
    void unfinishedRunsAndOccupiedTargetsAreNotExported(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Run queued = store.submit(submission(store, "queued card"));
            assertThatThrownBy(() -> store.export(List.of(queued.nodeId()), dir.resolve("a.zip")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("QUEUED");
            assertThat(dir.resolve("a.zip")).doesNotExist();
            Run done = Fixtures.finishedRun(store, "done card");
            Files.writeString(dir.resolve("taken.zip"), "x");
            assertThatThrownBy(() -> store.export(List.of(done.nodeId()), dir.resolve("taken.zip")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> store.export(List.of(777_777L), dir.resolve("b.zip")))
                    .isInstanceOf(NoSuchNodeException.class);
        }
    }

    private static Run withoutIds(Run run) {
        return new Run(0, run.uuid(), run.codeName(), run.codeSha256(), run.state(), run.outcome(), run.cacheKey(), null,
                run.threads(), run.wallLimitSeconds(), run.workDir(), run.pid(), run.pidStartTicks(), run.exitCode(),
                run.submitted(), run.started(), run.finished(), run.cancelRequested(), run.label(), run.result());
    }

    /** Links of a node with the far ends named by uuid and type. */
    private static List<Map<String, String>> shape(Store store, long node, Function<Long, List<Link>> links) {
        List<Map<String, String>> shape = new ArrayList<>();
        for (Link link : links.apply(node)) {
            long other = link.sourceId() == node ? link.targetId() : link.sourceId();
            Node far = store.node(other);
            shape.add(Map.of("type", link.type().name(), "label", link.label(), "uuid", far.uuid(), "nodeType", far.type()));
        }
        shape.sort(java.util.Comparator.comparing(Map::toString));
        return shape;
    }
}
