package org.kkr4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every recording of the fixtures goes through {@code kkr4j run} with the replay executable in place of
 * specx; for every stored run, {@code kkr4j show} prints the same parsed numbers as {@code kkr4j parse}
 * prints for the recorded log, and the stored log is the recorded one byte for byte.
 */
class RecordedCorpusCliTest {

    private record Step(Path card, Path log) {
    }

    private static List<List<Step>> recordings() throws Exception {
        List<List<Step>> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RunCliTest.RECORDINGS)) {
            for (Path manifest : files.filter(f -> f.getFileName().toString().equals("recording.json")).sorted()
                    .toList()) {
                List<Step> steps = new ArrayList<>();
                for (JsonNode run : Json.mapper().readTree(manifest.toFile()).get("runs")) {
                    steps.add(new Step(manifest.resolveSibling(run.get("card").asText()),
                            manifest.resolveSibling(run.get("log").asText())));
                }
                all.add(steps);
            }
        }
        return all;
    }

    @Test
    void showPrintsWhatParsePrintsForEveryRecording(@TempDir Path tmp) throws Exception {
        Path home = RunCliTest.homeWithReplay(tmp);
        List<List<Step>> recordings = recordings();
        assertThat(recordings).hasSizeGreaterThan(100);
        List<String> firstCards = new ArrayList<>(List.of("run", "--home", home.toString(), "--code", "replay",
                "--wait", "--threads", "1", "--json"));
        recordings.forEach(r -> firstCards.add(r.get(0).card().toString()));
        var first = RunCliTest.kkr4j(firstCards.toArray(String[]::new));
        JsonNode firstRuns = Json.mapper().readTree(first.out());
        assertThat(firstRuns).hasSize(recordings.size());
        List<long[]> checks = new ArrayList<>();
        List<Step> checked = new ArrayList<>();
        for (int i = 0; i < recordings.size(); i++) {
            long id = firstRuns.get(i).get("nodeId").asLong();
            checks.add(new long[] {id});
            checked.add(recordings.get(i).get(0));
            long previous = id;
            for (Step later : recordings.get(i).subList(1, recordings.get(i).size())) {
                var next = RunCliTest.kkr4j("run", "--home", home.toString(), "--code", "replay", "--wait", "--json",
                        "--from", Long.toString(previous), later.card().toString());
                long nextId = Json.mapper().readTree(next.out()).get(0).get("nodeId").asLong();
                checks.add(new long[] {nextId});
                checked.add(later);
                previous = nextId;
            }
        }
        for (int i = 0; i < checks.size(); i++) {
            long id = checks.get(i)[0];
            Step step = checked.get(i);
            String shown = RunCliTest.kkr4j("show", "--home", home.toString(), Long.toString(id)).out();
            String parsed = RunCliTest.kkr4j("parse", step.log().toString()).out();
            String logSection = shown.substring(shown.indexOf("log (parsed as by kkr4j parse)\n")
                    + "log (parsed as by kkr4j parse)\n".length());
            assertThat(logSection.replace("run " + id + "/stdout.log", "<log>"))
                    .as("show %d vs parse %s", id, step.log())
                    .isEqualTo(parsed.replace(step.log().toString(), "<log>"));
        }
    }
}
