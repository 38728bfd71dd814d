package org.kkr4j.io.akaikkr.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.fortran.FixedField;

/** Overflowed and run-together fields, cut logs and garbage, built by editing real logs in memory. */
class SpecxLogBadInputTest {

    private static final String FE22 = "transcribed-v2022.0721-standard/Fe/out_go.log";

    /** The Fe 2022.0721 log with line {@code no} (1-based) rewritten. */
    private static SpecxLog edited(int no, UnaryOperator<String> edit) {
        List<String> lines = new ArrayList<>(LogFixtures.read(FE22).lines());
        String before = lines.get(no - 1);
        String after = edit.apply(before);
        assertThat(after).as("the edit changes line " + no).isNotEqualTo(before);
        lines.set(no - 1, after);
        return SpecxLogParser.parse(new SourceText("edited.log", lines));
    }

    private static SpecxLog cut(String rel, int keepLines) {
        List<String> lines = LogFixtures.read(rel).lines().subList(0, keepLines);
        return SpecxLogParser.parse(new SourceText("cut.log", lines));
    }

    private static ParseIssue issue(SpecxLog log, String field) {
        return log.issues().stream().filter(i -> i.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no issue for " + field + ": " + log.issues()));
    }

    // ------------------------------------------------------------------ overflow

    @Test
    void iterationNumberOf1000AndMoreIsKeptAsOverflow() {
        SpecxLog log = edited(159, l -> l.replace("itr= 47 neu=", "itr=*** neu="));
        Deck d = log.decks().get(0);
        ScfIteration last = d.lastIteration();
        assertThat(d.iterations()).hasSize(47);
        assertThat(last.itr().overflowed()).isTrue();
        assertThat(last.itr().raw()).isEqualTo("***");
        assertThat(last.totalEnergyRy().raw()).isEqualTo("-2541.02074101");
        ParseIssue i = issue(log, "iteration.itr");
        assertThat(i.kind()).isEqualTo(ParseIssue.Kind.OVERFLOW);
        assertThat(i.line()).isEqualTo(159);
        assertThat(d.outcome()).isEqualTo(RunOutcome.CONVERGED);
    }

    @Test
    void overflowedMomentAndEnergyAreNotNumbers() {
        SpecxLog log = edited(149, l -> l.replace("moment=  2.3193", "moment=********")
                .replace("te=  -2541.02074102", "te=****************"));
        ScfIteration it = log.decks().get(0).iterations().get(36);
        assertThat(it.itr().raw()).isEqualTo("37");
        assertThat(it.momentMuB()).isEqualTo(new FixedField("********", null));
        assertThat(it.totalEnergyRy()).isEqualTo(new FixedField("****************", null));
        assertThat(it.logRmsError().raw()).isEqualTo("-5.275");
        assertThat(issue(log, "iteration.moment").kind()).isEqualTo(ParseIssue.Kind.OVERFLOW);
        assertThat(issue(log, "iteration.te").kind()).isEqualTo(ParseIssue.Kind.OVERFLOW);
        assertThat(issue(log, "iteration.te").line()).isEqualTo(149);
    }

    @Test
    void overflowedLatticeConstantAndCountsInTheEcho() {
        SpecxLog log = edited(11, l -> l.replace("a=  4.69036", "a=*********"));
        Deck d = log.decks().get(0);
        assertThat(d.input().aBohr().overflowed()).isTrue();
        assertThat(d.lattice().aBohr().value()).isEqualTo(4.69036);
        SpecxLog counts = edited(16, l -> l.replace("ntyp=  1", "ntyp=***").replace("ncmpx=  1", "ncmpx=***"));
        assertThat(counts.decks().get(0).input().ntyp().overflowed()).isTrue();
        assertThat(counts.decks().get(0).input().ncmpx().overflowed()).isTrue();
        assertThat(counts.decks().get(0).input().natm().value()).isEqualTo(1.0);
        assertThat(issue(counts, "input.ncmpx").kind()).isEqualTo(ParseIssue.Kind.OVERFLOW);
    }

    @Test
    void summaryAndCoreLevelOverflows() {
        SpecxLog te = edited(166, l -> l.replace("-2541.020741005", "***************"));
        assertThat(te.decks().get(0).summary().totalEnergyRy().overflowed()).isTrue();
        assertThat(te.decks().get(0).summary().bandEnergyRy().raw()).isEqualTo("4.215248879");
        SpecxLog core = edited(184, l -> l.replace("-511.8898795", "***************"));
        CoreLevel s1 = core.decks().get(0).components().get(0).coreLevelsUp().get(0);
        assertThat(s1.state()).isEqualTo("1s");
        assertThat(s1.levelRy().overflowed()).isTrue();
        assertThat(core.decks().get(0).components().get(0).coreLevelsUp().get(1).levelRy().raw()).isEqualTo("-58.8944668");
    }

    @Test
    void fixedWidthRmsListSurvivesFullFieldsButMergedEfIsRejected() {
        SpecxLog rms = edited(164, l -> l.replace("rms err= -6.341 -6.416", "rms err=-16.341-16.416"));
        assertThat(rms.decks().get(0).summary().logRmsErrors()).extracting(FixedField::value)
                .containsExactly(-16.341, -16.416);
        SpecxLog ef = edited(165, l -> l.replace("ef=   0.6827982   0.6974499", "ef=1000.68279821000.6974499"));
        FinalSummary s = ef.decks().get(0).summary();
        assertThat(s.fermiLevelUpRy()).isNull();
        assertThat(s.fermiLevelDownRy()).isNull();
        assertThat(s.defUp().raw()).isEqualTo("8.4977837");
        assertThat(issue(ef, "summary.ef").kind()).isEqualTo(ParseIssue.Kind.RUN_TOGETHER);
        // a letterless exponent is legal in input cards, never in these outputs: two merged fields
        SpecxLog err = edited(159, l -> l.replace("err= -6.341", "err=-6.3-10"));
        assertThat(err.decks().get(0).lastIteration().logRmsError()).isNull();
        assertThat(issue(err, "iteration.err").kind()).isEqualTo(ParseIssue.Kind.RUN_TOGETHER);
    }

    @Test
    void unreadableRmsEntryKeepsItsPosition() {
        SpecxLog log = edited(164, l -> l.replace("rms err= -6.341 -6.416", "rms err= -6.3x1 -6.416"));
        List<FixedField> rms = log.decks().get(0).summary().logRmsErrors();
        assertThat(rms).hasSize(2);
        assertThat(rms.get(0)).isNull();
        assertThat(rms.get(1).raw()).isEqualTo("-6.416");
        assertThat(issue(log, "summary.rmsErr").line()).isEqualTo(164);
    }

    @Test
    void brokenIterationLineInsideTheLogIsUnexpected() {
        SpecxLog log = edited(149, l -> l.substring(0, 30));
        assertThat(log.decks().get(0).iterations()).hasSize(46);
        ParseIssue i = issue(log, "iteration");
        assertThat(i.kind()).isEqualTo(ParseIssue.Kind.UNEXPECTED);
        assertThat(i.line()).isEqualTo(149);
    }

    // ------------------------------------------------------------------ truncation

    @Test
    void logCutInTheScfLoopSaysWhatIsMissing() {
        SpecxLog log = cut(FE22, 149);
        assertThat(log.outcome()).isEqualTo(RunOutcome.TRUNCATED);
        Deck d = log.decks().get(0);
        assertThat(d.outcome()).isEqualTo(RunOutcome.TRUNCATED);
        assertThat(d.iterations()).hasSize(37);
        assertThat(d.stage()).isEqualTo("SCF iteration 37");
        assertThat(d.summary()).isNull();
        assertThatThrownBy(log::requireComplete).isInstanceOf(TruncatedLogException.class)
                .hasMessageContaining("cut.log:149")
                .hasMessageContaining("SCF iteration 37 of deck 1")
                .hasMessageContaining("no final summary")
                .hasMessageContaining("no footer")
                .satisfies(e -> {
                    TruncatedLogException t = (TruncatedLogException) e;
                    assertThat(t.line()).isEqualTo(149);
                    assertThat(t.source()).isEqualTo("cut.log");
                    assertThat(t.missing()).contains("final summary", "footer");
                });
    }

    @Test
    void logCutAtOtherPoints() {
        assertThat(cut(FE22, 167).outcomeDetail()).contains("final summary of deck 1", "component results (0 of 1)");
        assertThat(cut(FE22, 186).outcomeDetail()).contains("component results (Fe_0 Fe)", "end of the last component block");
        SpecxLog afterSbtime = cut(FE22, 207);
        assertThat(afterSbtime.decks().get(0).outcome()).isEqualTo(RunOutcome.CONVERGED);
        assertThat(afterSbtime.outcome()).isEqualTo(RunOutcome.TRUNCATED);
        assertThat(afterSbtime.outcomeDetail()).contains("no footer");
        assertThat(cut(FE22, 12).outcomeDetail()).contains("input echo", "SCF iterations", "final summary");
        SpecxLog dateOnly = cut(FE22, 2);
        assertThat(dateOnly.outcome()).isEqualTo(RunOutcome.TRUNCATED);
        assertThat(dateOnly.outcomeDetail()).contains("before any deck");
        assertThatThrownBy(dateOnly::requireComplete).isInstanceOf(TruncatedLogException.class);
        SpecxLog between = cut("cpa2002v010-dist/out/fe_latt", 230);
        assertThat(between.decks()).hasSize(1);
        assertThat(between.outcome()).isEqualTo(RunOutcome.TRUNCATED);
        assertThat(between.outcomeDetail()).contains("mesh header of a new deck");
        // the official 2021 release prints no sbtime report: without the footer the end is unknown
        SpecxLog noFooter = cut("akaitools-samples/out/fe", 192);
        assertThat(noFooter.outcome()).isEqualTo(RunOutcome.TRUNCATED);
        assertThat(noFooter.outcomeDetail()).contains("end of deck", "footer");
        SpecxLog footerPart = cut("akaitools-samples/out/fe", 195);
        assertThat(footerPart.footer()).isNull();
        assertThat(footerPart.outcome()).isEqualTo(RunOutcome.TRUNCATED);
    }

    @Test
    void lineCutInTheMiddleIsReportedNotGuessed() {
        List<String> lines = new ArrayList<>(LogFixtures.read(FE22).lines().subList(0, 149));
        lines.add("   itr= 38 neu=   -0.0003  momen");
        SpecxLog log = SpecxLogParser.parse(new SourceText("half.log", lines));
        assertThat(log.decks().get(0).iterations()).hasSize(37);
        assertThat(issue(log, "iteration").kind()).isEqualTo(ParseIssue.Kind.TRUNCATED);
        assertThat(log.outcome()).isEqualTo(RunOutcome.TRUNCATED);
    }

    @Test
    void nulPaddingAfterACrashEndsTheLog() {
        List<String> lines = new ArrayList<>(LogFixtures.read(FE22).lines().subList(0, 149));
        lines.add("\0\0\0\0\0\0\0\0");
        lines.add("   itr= 99 neu=   -0.0003  moment=  2.3193  te=  -2541.02074102  err= -5.275");
        SpecxLog log = SpecxLogParser.parse(new SourceText("nul.log", lines));
        assertThat(log.outcome()).isEqualTo(RunOutcome.TRUNCATED);
        assertThat(log.decks().get(0).iterations()).hasSize(37);
        ParseIssue i = log.issues().stream().filter(x -> x.kind() == ParseIssue.Kind.UNEXPECTED).findFirst().orElseThrow();
        assertThat(i.field()).isEqualTo("log");
        assertThat(i.line()).isEqualTo(150);
        assertThat(i.detail()).contains("0x00");
    }

    // ------------------------------------------------------------------ garbage

    @Test
    void emptyFileIsAFormatError() {
        assertThatThrownBy(() -> SpecxLogParser.parse(SourceText.of("empty.log", new byte[0])))
                .isInstanceOf(KkrFormatException.class).hasMessageContaining("empty.log")
                .satisfies(e -> assertThat(((KkrFormatException) e).line()).isZero());
        assertThatThrownBy(() -> SpecxLogParser.parse(SourceText.of("blank.log", "\n   \n\n")))
                .isInstanceOf(KkrFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void binaryBytesAreAFormatError() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        assertThatThrownBy(() -> SpecxLogParser.parse(SourceText.of("pot.dat", bytes)))
                .isInstanceOf(KkrFormatException.class).hasMessageContaining("pot.dat:1").hasMessageContaining("binary")
                .satisfies(e -> assertThat(((KkrFormatException) e).field()).isEqualTo("log"));
    }

    @Test
    void textThatIsNotASpecxLogIsAFormatError() {
        SourceText card = LogFixtures.read("cpa2002v010-gfortran/edge-cases/fe_go.in");
        assertThatThrownBy(() -> SpecxLogParser.parse(card)).isInstanceOf(KkrFormatException.class)
                .hasMessageContaining("fe_go.in:1").hasMessageContaining("not a specx output");
        SourceText stderr = LogFixtures.read("cpa2002v010-gfortran/edge-cases/opt.err");
        assertThatThrownBy(() -> SpecxLogParser.parse(stderr)).isInstanceOf(KkrFormatException.class);
        String random = "lorem ipsum dolor\nsit amet = 3\n 1 2 3\n";
        assertThatThrownBy(() -> SpecxLogParser.parse(SourceText.of("notes.txt",
                random.getBytes(StandardCharsets.US_ASCII)))).isInstanceOf(KkrFormatException.class)
                .hasMessageContaining("notes.txt:1");
    }
}
