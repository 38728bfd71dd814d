package org.kkr4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kkr4j.store.Fixtures.finishedRun;
import static org.kkr4j.store.Fixtures.put;
import static org.kkr4j.store.Fixtures.registerCode;
import static org.kkr4j.store.Fixtures.submission;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

class RunLifecycleTest {

    @BothBackends
    void submitRecordsCalculationCardInputsLinksAndQueuedEvent(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Node workflow = store.createWorkflow("workflow.batch", "batch 1", "{\"n\":1}");
            BlobRef dos = put(store, "dos input");
            Run run = store.submit(submission(store, "card A",
                    List.of(new RunSubmission.InputFile("data/extra", dos, null)), workflow.id()));

            assertThat(run.state()).isEqualTo(RunState.QUEUED);
            assertThat(run.outcome()).isNull();
            assertThat(run.codeName()).isEqualTo(Fixtures.CODE);
            assertThat(run.codeSha256()).isEqualTo(Fixtures.CODE_SHA);
            assertThat(run.cacheKey()).isEqualTo(Fixtures.key("card A"));
            assertThat(run.threads()).isEqualTo(2);
            assertThat(run.wallLimitSeconds()).isEqualTo(600);
            assertThat(run.label()).isEqualTo("test card A");
            assertThat(run.result()).isEqualTo(RunResult.EMPTY);

            Node calc = store.node(run.nodeId());
            assertThat(calc.kind()).isEqualTo(NodeKind.CALCULATION);
            assertThat(calc.type()).isEqualTo("specx.run");
            assertThat(calc.uuid()).isEqualTo(run.uuid());

            List<Link> in = store.incoming(run.nodeId());
            assertThat(in).extracting(Link::type, Link::label).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(LinkType.INPUT_CALC, "inputcard"),
                    org.assertj.core.groups.Tuple.tuple(LinkType.INPUT_CALC, "data/extra"),
                    org.assertj.core.groups.Tuple.tuple(LinkType.CALL_CALC, "call"));
            Link cardLink = in.stream().filter(l -> l.label().equals("inputcard")).findFirst().orElseThrow();
            Node card = store.node(cardLink.sourceId());
            assertThat(card.kind()).isEqualTo(NodeKind.DATA);
            assertThat(card.type()).isEqualTo("akaikkr.card");
            assertThat(store.files(card.id())).extracting(FileEntry::path).containsExactly("inputcard");
            assertThat(new String(store.blobs().read(store.files(card.id()).get(0).blob().sha256()))).isEqualTo("card A");
            Link extra = in.stream().filter(l -> l.label().equals("data/extra")).findFirst().orElseThrow();
            assertThat(store.node(extra.sourceId()).type()).isEqualTo("file");
            assertThat(store.files(extra.sourceId())).containsExactly(new FileEntry("data/extra", dos));
            assertThat(in.stream().filter(l -> l.type() == LinkType.CALL_CALC).findFirst().orElseThrow().sourceId())
                    .isEqualTo(workflow.id());

            assertThat(store.inputs(run.nodeId())).extracting(FileEntry::path).containsExactly("data/extra", "inputcard");
            assertThat(store.events(run.nodeId())).singleElement().satisfies(e -> {
                assertThat(e.fromState()).isNull();
                assertThat(e.toState()).isEqualTo("QUEUED");
            });
            assertThat(store.outputNode(run.nodeId())).isEmpty();
        }
    }

    @BothBackends
    void fullLifeCycleRecordsEveryTransitionOutputsAndResults(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Run queued = store.submit(submission(store, "card B"));
            Run launching = store.markLaunching(queued.nodeId(), "/scratch/w1");
            assertThat(launching.state()).isEqualTo(RunState.LAUNCHING);
            assertThat(launching.workDir()).isEqualTo("/scratch/w1");
            Run running = store.markRunning(queued.nodeId(), 1234, 5678, "process 1234 started");
            assertThat(running.state()).isEqualTo(RunState.RUNNING);
            assertThat(running.pid()).isEqualTo(1234);
            assertThat(running.pidStartTicks()).isEqualTo(5678);
            assertThat(running.started()).isNotNull();

            BlobRef log = put(store, "the log");
            BlobRef pot = put(store, "the potential");
            RunResult result = new RunResult("Fe50Co50", "bcc", "go", 1.0, false, 200, -2600.25, 0.7, 1.9, 5.3, 1040.0,
                    12.5, "{\"Fe\":2.5,\"Co\":1.6}");
            Run done = store.complete(queued.nodeId(), new RunCompletion(Outcome.NOT_CONVERGED, 0,
                    List.of(new FileEntry("stdout.log", log), new FileEntry("data/pot", pot)), result, "no convergence",
                    "{\"itr\":200}"));

            assertThat(done.state()).isEqualTo(RunState.DONE);
            assertThat(done.outcome()).isEqualTo(Outcome.NOT_CONVERGED);
            assertThat(done.exitCode()).isZero();
            assertThat(done.finished()).isNotNull();
            assertThat(done.result()).isEqualTo(result);
            assertThat(store.run(queued.nodeId())).contains(done);

            Node out = store.outputNode(queued.nodeId()).orElseThrow();
            assertThat(out.type()).isEqualTo("akaikkr.retrieved");
            assertThat(store.files(out.id())).containsExactly(new FileEntry("data/pot", pot), new FileEntry("stdout.log", log));
            assertThat(store.incoming(out.id())).containsExactly(new Link(queued.nodeId(), out.id(), LinkType.CREATE, "retrieved"));

            List<Event> events = store.events(queued.nodeId());
            assertThat(events).extracting(Event::toState).containsExactly("QUEUED", "LAUNCHING", "RUNNING", "DONE");
            assertThat(events).extracting(Event::fromState).containsExactly(null, "QUEUED", "LAUNCHING", "RUNNING");
            assertThat(events.get(3).reason()).isEqualTo("no convergence");
            assertThat(events.get(3).detailJson()).isEqualTo("{\"itr\":200}");
            assertThat(events).extracting(Event::seq).isSorted().doesNotHaveDuplicates();
            assertThat(store.eventsSince(events.get(1).seq(), 0)).extracting(Event::toState).containsExactly("RUNNING", "DONE");
            assertThat(store.eventsSince(0, 2)).hasSize(2);
        }
    }

    @BothBackends
    void transitionsFromTheWrongStateAreStale(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Run run = store.submit(submission(store, "card C"));
            assertThatThrownBy(() -> store.markRunning(run.nodeId(), 1, 1, null)).isInstanceOf(StaleStateException.class)
                    .hasMessageContaining("QUEUED").hasMessageContaining("expected LAUNCHING");
            assertThatThrownBy(() -> store.requeue(run.nodeId(), null)).isInstanceOf(StaleStateException.class);
            store.markLaunching(run.nodeId(), "/w");
            assertThatThrownBy(() -> store.markLaunching(run.nodeId(), "/w")).isInstanceOf(StaleStateException.class);

            Run finished = Fixtures.finishedRun(store, "card D");
            assertThatThrownBy(() -> store.complete(finished.nodeId(), new RunCompletion(Outcome.CRASHED, 1, List.of(),
                    RunResult.EMPTY, "again", null))).isInstanceOf(StaleStateException.class).hasMessageContaining("DONE");
            assertThat(store.run(finished.nodeId()).orElseThrow().outcome()).isEqualTo(Outcome.CONVERGED);
            assertThat(store.events(finished.nodeId())).hasSize(4);
            assertThatThrownBy(() -> store.markLaunching(999_999, "/w")).isInstanceOf(NoSuchNodeException.class);
        }
    }

    @BothBackends
    void requeueReturnsToQueuedAndCompleteWorksFromQueued(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Run run = store.submit(submission(store, "card E"));
            store.markLaunching(run.nodeId(), "/w/e");
            Run requeued = store.requeue(run.nodeId(), "engine restarted; no process found");
            assertThat(requeued.state()).isEqualTo(RunState.QUEUED);
            assertThat(requeued.workDir()).isNull();
            assertThat(requeued.pid()).isZero();
            Run failed = store.complete(run.nodeId(), new RunCompletion(Outcome.LAUNCH_FAILED, null, List.of(),
                    RunResult.EMPTY, "executable missing", null));
            assertThat(failed.outcome()).isEqualTo(Outcome.LAUNCH_FAILED);
            assertThat(failed.exitCode()).isNull();
            assertThat(store.outputNode(run.nodeId())).isEmpty();
            assertThat(store.events(run.nodeId())).extracting(Event::toState)
                    .containsExactly("QUEUED", "LAUNCHING", "QUEUED", "DONE");
        }
    }

    @BothBackends
    void cancelQueuedEndsAtOnceCancelRunningIsRecordedCancelDoneIsStale(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Run queued = store.submit(submission(store, "card F"));
            Run cancelled = store.requestCancel(queued.nodeId(), "user asked");
            assertThat(cancelled.state()).isEqualTo(RunState.DONE);
            assertThat(cancelled.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(cancelled.cancelRequested()).isTrue();
            assertThatThrownBy(() -> store.requestCancel(queued.nodeId(), "again")).isInstanceOf(StaleStateException.class)
                    .hasMessageContaining("cannot cancel");

            Run running = store.submit(submission(store, "card G"));
            store.markLaunching(running.nodeId(), "/w/g");
            store.markRunning(running.nodeId(), 77, 1, null);
            Run flagged = store.requestCancel(running.nodeId(), "user asked");
            assertThat(flagged.state()).isEqualTo(RunState.RUNNING);
            assertThat(flagged.cancelRequested()).isTrue();
            store.requestCancel(running.nodeId(), "twice");
            assertThat(store.events(running.nodeId())).extracting(Event::reason)
                    .containsExactly("submitted", "work directory staged", "process 77 started", "user asked");

            Run launching = store.submit(submission(store, "card H"));
            store.markLaunching(launching.nodeId(), "/w/h");
            store.requestCancel(launching.nodeId(), "user asked");
            Run notRequeued = store.requeue(launching.nodeId(), "engine restarted");
            assertThat(notRequeued.state()).isEqualTo(RunState.DONE);
            assertThat(notRequeued.outcome()).isEqualTo(Outcome.CANCELLED);
        }
    }

    @BothBackends
    void findsRunsByIdUuidAndPrefixAndListsThemByQuery(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Run a = store.submit(submission(store, "card I"));
            Run b = finishedRun(store, "card J");
            assertThat(store.findRun(Long.toString(a.nodeId()))).contains(a);
            assertThat(store.findRun(b.uuid())).map(Run::nodeId).contains(b.nodeId());
            assertThat(store.findRun(b.uuid().substring(0, 8))).map(Run::nodeId).contains(b.nodeId());
            assertThat(store.findRun(b.uuid().substring(0, 13).toUpperCase())).map(Run::nodeId).contains(b.nodeId());
            assertThat(store.findRun("zzzzzzzz")).isEmpty();
            assertThat(store.findRun("abc")).isEmpty();
            assertThat(store.findRun("999999")).isEmpty();

            assertThat(store.runs(RunQuery.all())).extracting(Run::nodeId).containsExactly(b.nodeId(), a.nodeId());
            assertThat(store.runs(new RunQuery(Set.of(RunState.QUEUED), null, 0, false))).extracting(Run::nodeId)
                    .containsExactly(a.nodeId());
            assertThat(store.runs(new RunQuery(Set.of(), Fixtures.CODE, 1, false))).extracting(Run::nodeId).containsExactly(b.nodeId());
            assertThat(store.runs(new RunQuery(Set.of(), Fixtures.CODE, 1, true))).extracting(Run::nodeId)
                    .containsExactly(a.nodeId());
            assertThat(store.runs(new RunQuery(Set.of(), "other", 0, false))).isEmpty();
            assertThat(store.countRuns(RunState.QUEUED)).isEqualTo(1);
            assertThat(store.countRuns(RunState.DONE)).isEqualTo(1);
            assertThat(store.countRuns(RunState.RUNNING)).isZero();
        }
    }

    @BothBackends
    void chainedRunTakesThePreviousOutputAsInputAndCacheHitsPointAtTheSource(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            registerCode(store);
            Run go = finishedRun(store, "card go");
            Node out = store.outputNode(go.nodeId()).orElseThrow();
            FileEntry pot = store.files(out.id()).stream().filter(f -> f.path().equals("data/pot")).findFirst().orElseThrow();

            Run dos = store.submit(submission(store, "card dos", List.of(new RunSubmission.InputFile("data/pot", pot.blob(), out.id())), null));
            assertThat(store.incoming(dos.nodeId())).contains(new Link(out.id(), dos.nodeId(), LinkType.INPUT_CALC, "data/pot"));
            assertThat(store.inputs(dos.nodeId())).contains(new FileEntry("data/pot", pot.blob()));

            BlobRef unrelated = put(store, "not in that node");
            assertThatThrownBy(() -> store.submit(submission(store, "card bad",
                    List.of(new RunSubmission.InputFile("data/pot", unrelated, out.id())), null)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("holds no file");

            assertThat(store.findCacheSource(Fixtures.key("card go"))).map(Run::nodeId).contains(go.nodeId());
            assertThat(store.findCacheSource(Fixtures.key("card dos"))).isEmpty();
            Run hit = store.submitCached(submission(store, "card go"), go);
            assertThat(hit.state()).isEqualTo(RunState.DONE);
            assertThat(hit.outcome()).isEqualTo(Outcome.CONVERGED);
            assertThat(hit.cachedFrom()).isEqualTo(go.nodeId());
            assertThat(hit.result()).isEqualTo(go.result());
            assertThat(store.outgoing(hit.nodeId())).isEmpty();
            assertThat(store.outputNode(hit.nodeId())).contains(out);
            assertThat(store.events(hit.nodeId())).singleElement().extracting(Event::toState).isEqualTo("DONE");
            assertThat(store.findCacheSource(Fixtures.key("card go"))).map(Run::nodeId).contains(go.nodeId());
            Run hitOfHit = store.submitCached(submission(store, "card go"), hit);
            assertThat(hitOfHit.cachedFrom()).isEqualTo(go.nodeId());

            Run crashed = store.submit(submission(store, "card crash"));
            store.complete(crashed.nodeId(), new RunCompletion(Outcome.CRASHED, 139, List.of(), RunResult.EMPTY, "segfault", null));
            assertThat(store.findCacheSource(Fixtures.key("card crash"))).isEmpty();
            assertThatThrownBy(() -> store.submitCached(submission(store, "card crash"), store.run(crashed.nodeId()).orElseThrow()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("cannot answer from the cache");
        }
    }

    @BothBackends
    void badSubmissionsFailClearlyAndWriteNothing(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            assertThatThrownBy(() -> store.submit(submission(store, "card K"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no code named 'cpa'");
            registerCode(store);
            assertThatThrownBy(() -> registerCode(store)).isInstanceOf(StoreException.class).hasMessageContaining("already registered");
            BlobRef missing = new BlobRef("0".repeat(64), 3);
            assertThatThrownBy(() -> store.submit(new RunSubmission(Fixtures.CODE, Fixtures.CODE_SHA, missing, List.of(),
                    null, 1, 0, null, null))).isInstanceOf(NoSuchBlobException.class).hasMessageContaining("0000000000");
            BlobRef card = put(store, "card L");
            assertThatThrownBy(() -> store.submit(new RunSubmission(Fixtures.CODE, Fixtures.CODE_SHA, card,
                    List.of(new RunSubmission.InputFile("data/pot", card, 424242L)), null, 1, 0, null, null)))
                    .isInstanceOf(NoSuchNodeException.class).hasMessageContaining("424242");
            assertThatThrownBy(() -> store.submit(new RunSubmission(Fixtures.CODE, Fixtures.CODE_SHA, card,
                    List.of(new RunSubmission.InputFile("../escape", card, null)), null, 1, 0, null, null)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.submit(new RunSubmission(Fixtures.CODE, Fixtures.CODE_SHA, card,
                    List.of(new RunSubmission.InputFile("inputcard", card, null)), null, 1, 0, null, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputcard");
            assertThatThrownBy(() -> store.submit(new RunSubmission(Fixtures.CODE, Fixtures.CODE_SHA, card, List.of(),
                    "not-a-digest", 1, 0, null, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache key");
            assertThat(store.runs(RunQuery.all())).isEmpty();
            assertThat(store.eventsSince(0, 0)).isEmpty();
        }
    }

    @BothBackends
    void codesLinksWorkflowEventsAndReopening(Backend backend, @TempDir Path dir) throws Exception {
        try (StoreHarness h = new StoreHarness(backend, dir)) {
            Store store = h.open();
            Code code = registerCode(store);
            assertThat(store.code(Fixtures.CODE)).contains(code);
            assertThat(store.codes()).containsExactly(code);
            assertThat(code.helpers()).containsEntry("fmg", "/opt/akaikkr/bin/f");

            Node parent = store.createWorkflow("workflow.scan", "scan", null);
            Node child = store.createWorkflow("workflow.ewidth", null, "{\"step\":2}");
            assertThat(store.addLink(parent.id(), child.id(), LinkType.CALL_WORK, "step"))
                    .isEqualTo(new Link(parent.id(), child.id(), LinkType.CALL_WORK, "step"));
            store.addLink(parent.id(), child.id(), LinkType.CALL_WORK, "step");
            assertThat(store.outgoing(parent.id())).hasSize(1);
            Run run = finishedRun(store, "card M");
            Node out = store.outputNode(run.nodeId()).orElseThrow();
            store.addLink(child.id(), out.id(), LinkType.RETURN, "potential");
            assertThatThrownBy(() -> store.addLink(out.id(), child.id(), LinkType.CALL_WORK, "x"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("call_work");
            Run other = finishedRun(store, "card N");
            assertThatThrownBy(() -> store.addLink(other.nodeId(), out.id(), LinkType.CREATE, "retrieved"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already created");
            assertThatThrownBy(() -> store.createWorkflow("w", null, "[1]")).isInstanceOf(IllegalArgumentException.class);

            Event note = store.appendEvent(child.id(), "STEP1", "STEP2", "ewidth widened", "{\"ewidth\":1.4}");
            assertThat(store.events(child.id())).extracting(Event::toState).containsExactly("CREATED", "STEP2");
            assertThat(store.eventsSince(note.seq() - 1, 0)).containsExactly(note);
            assertThatThrownBy(() -> store.node(123_456)).isInstanceOf(NoSuchNodeException.class);
            store.close();

            Store reopened = h.open();
            assertThat(reopened.run(run.nodeId())).isPresent();
            assertThat(reopened.events(child.id())).hasSize(2);
            assertThat(reopened.describe()).isNotBlank().doesNotContain("password=secret");
        }
    }
}
