package org.kkr4j.ml.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.elements.Elements;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class PlotsTest {
    private static final int W = 640;
    private static final int H = 480;

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Document d, String role) {
        NodeList all = d.getElementsByTagName("*");
        int n = 0;
        for (int i = 0; i < all.getLength(); i++) {
            if (role.equals(((org.w3c.dom.Element) all.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    private static org.w3c.dom.Element first(Document d, String role) {
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
            if (role.equals(e.getAttribute("class"))) {
                return e;
            }
        }
        throw new AssertionError("no " + role);
    }

    private static Rgb pixel(BufferedImage image, double x, double y) {
        int p = image.getRGB((int) Math.round(x), (int) Math.round(y));
        return new Rgb(p >> 16 & 255, p >> 8 & 255, p & 255, 255);
    }

    @Test
    void parityPlotHasOnePointPerFinitePairTheIdentityLineAndR2InTheTitle() throws Exception {
        double[] obs = {1, 2, 3, 4, Double.NaN};
        double[] pred = {1.1, 1.9, 3.2, 3.8, 2};
        ParityPlot p = new ParityPlot("moment", "(muB)", obs, pred);
        // by hand: ȳ = 2.5, Σres = .01+.01+.04+.04 = .10, Σtot = 5 → R² = 0.98
        assertThat(p.rSquared()).isCloseTo(0.98, within(1e-12));
        Document d = parse(Plots.svg(p, W, H));
        assertThat(count(d, "point")).isEqualTo(4);
        assertThat(count(d, "identity")).isEqualTo(1);
        assertThat(first(d, "title").getTextContent()).contains("R² = 0.980").contains("1 pairs with NaN not drawn");
        // the identity line runs from bottom-left to top-right
        org.w3c.dom.Element line = first(d, "identity");
        assertThat(Double.parseDouble(line.getAttribute("x1"))).isLessThan(Double.parseDouble(line.getAttribute("x2")));
        assertThat(Double.parseDouble(line.getAttribute("y1"))).isGreaterThan(Double.parseDouble(line.getAttribute("y2")));
    }

    @Test
    void heatmapCellsHaveTheirScaleColourInBothBackendsAndNanIsMissing() throws Exception {
        double[][] v = {{0, 1, Double.NaN}, {2, 3, 4}};
        HeatmapPlot h = new HeatmapPlot("ρ0 by group pair", "group", "group", List.of("8", "9"),
                List.of("8", "9", "10"), v, "μΩ cm", true);
        Document d = parse(Plots.svg(h, W, H));
        assertThat(count(d, "cell")).isEqualTo(5);
        assertThat(count(d, "missing-cell")).isEqualTo(1);
        assertThat(count(d, "row-label")).isEqualTo(2);
        assertThat(count(d, "column-label")).isEqualTo(3);
        assertThat(count(d, "colorbar-missing")).isEqualTo(1);
        assertThat(first(d, "missing-cell").getAttribute("fill")).isEqualTo(Rgb.MISSING.hex());

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(png(h)));
        assertThat(png.getWidth()).isEqualTo(W);
        assertThat(png.getHeight()).isEqualTo(H);
        ColorScale scale = new ColorScale(0, 4);
        // sample near a cell's top-left corner (inside, away from the annotation text at its centre)
        double[] low = h.cellRect(0, 0, W, H);
        assertThat(pixel(png, low[0] + 5, low[1] + 5)).isEqualTo(scale.color(0));
        assertThat(scale.color(0)).isEqualTo(new Rgb(68, 1, 84, 255));
        double[] high = h.cellRect(1, 2, W, H);
        assertThat(pixel(png, high[0] + 5, high[1] + 5)).isEqualTo(new Rgb(253, 231, 37, 255));
        double[] nan = h.cellRect(0, 2, W, H);
        assertThat(pixel(png, nan[0] + 5, nan[1] + 5)).isEqualTo(Rgb.MISSING).isNotEqualTo(scale.color(0));
        // the SVG places the same cell at the same pixels
        org.w3c.dom.Element svgNan = first(d, "missing-cell");
        assertThat(Double.parseDouble(svgNan.getAttribute("x"))).isCloseTo(nan[0], within(0.01));
        assertThat(Double.parseDouble(svgNan.getAttribute("y"))).isCloseTo(nan[1], within(0.01));
    }

    private static byte[] png(Plot p) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(Plots.image(p, W, H), "png", out);
        return out.toByteArray();
    }

    @Test
    void periodicTablePlacesValuesAtGroupAndPeriod() throws Exception {
        Map<org.kkr4j.elements.Element, Double> values = new LinkedHashMap<>();
        values.put(Elements.bySymbol("Fe"), 1.0);
        values.put(Elements.bySymbol("Ni"), 3.0);
        values.put(Elements.bySymbol("Al"), Double.NaN);
        values.put(Elements.bySymbol("Gd"), 2.0);
        PeriodicTablePlot p = new PeriodicTablePlot("effect per element", values, "ΔR²");
        Document d = parse(Plots.svg(p, W, H));
        assertThat(count(d, "cell")).isEqualTo(3);
        assertThat(count(d, "missing-cell")).isEqualTo(1);
        assertThat(count(d, "element")).isEqualTo(Elements.all().size() - 4);
        assertThat(count(d, "symbol")).isEqualTo(Elements.all().size());
        double[] fe = p.cellRect(Elements.bySymbol("Fe"), W, H);
        double[] co = p.cellRect(Elements.bySymbol("Co"), W, H);
        double[] ru = p.cellRect(Elements.bySymbol("Ru"), W, H);
        assertThat(co[0] - fe[0]).isCloseTo(fe[2], within(1e-9));      // next group, one cell to the right
        assertThat(ru[1] - fe[1]).isCloseTo(fe[3], within(1e-9));      // next period, one cell down
        BufferedImage png = Plots.image(p, W, H);
        ColorScale scale = new ColorScale(1, 3);
        assertThat(pixel(png, fe[0] + 3, fe[1] + 3)).isEqualTo(scale.color(1.0));
        double[] ni = p.cellRect(Elements.bySymbol("Ni"), W, H);
        assertThat(pixel(png, ni[0] + 3, ni[1] + 3)).isEqualTo(scale.color(3.0));
        double[] al = p.cellRect(Elements.bySymbol("Al"), W, H);
        assertThat(pixel(png, al[0] + 3, al[1] + 3)).isEqualTo(Rgb.MISSING);
        double[] cu = p.cellRect(Elements.bySymbol("Cu"), W, H);
        assertThat(pixel(png, cu[0] + 3, cu[1] + 3)).isEqualTo(Rgb.WHITE);
    }

    @Test
    void paretoFrontIsTheNonDominatedSetAndTheTargetBoxIsDrawn() throws Exception {
        // maximise x, minimise y: (1,1) (2,2) (3,3) are a trade-off front; (2,3) and (1,2) are dominated
        double[] x = {1, 2, 3, 2, 1, Double.NaN};
        double[] y = {1, 2, 3, 3, 2, 0};
        ParetoPlot p = new ParetoPlot("Tc vs ρ0", "Tc (K)", "ρ0", x, y, true, false, new double[] {1.5, 10, 0,
                2.5});
        assertThat(p.front()).containsExactly(0, 1, 2);
        // brute force the definition for random points
        java.util.Random rnd = new java.util.Random(7);
        double[] rx = new double[60];
        double[] ry = new double[60];
        for (int i = 0; i < 60; i++) {
            rx[i] = rnd.nextInt(20);
            ry[i] = rnd.nextInt(20);
        }
        int[] front = new ParetoPlot("", "", "", rx, ry, true, true, null).front();
        for (int i = 0; i < 60; i++) {
            boolean dominated = false;
            for (int j = 0; j < 60; j++) {
                dominated |= rx[j] >= rx[i] && ry[j] >= ry[i] && (rx[j] > rx[i] || ry[j] > ry[i]);
            }
            final int k = i;
            assertThat(java.util.Arrays.stream(front).anyMatch(f -> f == k)).isEqualTo(!dominated);
        }
        Document d = parse(Plots.svg(p, W, H));
        assertThat(count(d, "point")).isEqualTo(5);
        assertThat(count(d, "front-point")).isEqualTo(3);
        assertThat(count(d, "front")).isEqualTo(1);
        assertThat(count(d, "target-box")).isEqualTo(1);
        // staircase: 3 front points and 2 corners
        assertThat(first(d, "front").getAttribute("points").split(" ")).hasSize(5);
    }

    @Test
    void traceLinesFollowTheBestSoFarAndLearningCurvesHaveBands() throws Exception {
        assertThat(TracePlot.bestSoFar(new double[] {Double.NaN, 3, 1, Double.NaN, 5, 4}, true))
                .containsExactly(Double.NaN, 3, 3, 3, 5, 5);
        assertThat(TracePlot.bestSoFar(new double[] {3, 1, 2}, false)).containsExactly(3, 1, 1);
        TracePlot t = new TracePlot("BO on hea-3d", "moment", List.of(new TracePlot.Series("EI", new double[] {1, 3, 2}),
                new TracePlot.Series("random", new double[] {Double.NaN, 0.5, 2.5, 1})), true);
        Document d = parse(Plots.svg(t, W, H));
        assertThat(count(d, "trace")).isEqualTo(2);
        assertThat(count(d, "legend")).isEqualTo(4);
        // the random series starts at evaluation 2: 3 vertices, not 4 with a 0 in front
        NodeList lines = d.getElementsByTagName("polyline");
        assertThat(((org.w3c.dom.Element) lines.item(1)).getAttribute("points").split(" ")).hasSize(3);

        LearningCurvePlot lc = new LearningCurvePlot("learning curve", "training rows", "MAE", List.of(
                new LearningCurvePlot.Series("kNN", new double[] {10, 20, 40}, new double[] {0.5, Double.NaN, 0.3},
                        new double[] {0.4, 0.3, 0.25}, new double[] {0.6, 0.5, 0.35})));
        Document l = parse(Plots.svg(lc, W, H));
        assertThat(count(l, "band")).isEqualTo(1);
        assertThat(count(l, "point")).isEqualTo(2);
        assertThat(count(l, "mean")).isZero();           // the NaN leaves no two neighbouring finite means
    }

    @Test
    void importanceBarsWithErrorBarsAndFilesByExtension(@TempDir Path dir) throws Exception {
        ImportancePlot p = new ImportancePlot("grouped permutation importance", "ΔMAE (muB)",
                List.of("group", "period", "mixing"), new double[] {0.3, 0.1, Double.NaN}, new double[] {0.05, 0, 0});
        Document d = parse(Plots.svg(p, W, H));
        assertThat(count(d, "bar")).isEqualTo(2);
        assertThat(count(d, "error-bar")).isEqualTo(1);
        assertThat(count(d, "missing-bar")).isEqualTo(1);
        assertThat(count(d, "bar-label")).isEqualTo(3);
        Plots.write(p, dir.resolve("i.svg"), W, H);
        Plots.write(p, dir.resolve("i.png"), 300, 200);
        assertThat(parse(java.nio.file.Files.readString(dir.resolve("i.svg")))).isNotNull();
        BufferedImage png = ImageIO.read(dir.resolve("i.png").toFile());
        assertThat(png.getWidth()).isEqualTo(300);
        assertThat(png.getHeight()).isEqualTo(200);
        assertThatThrownBy(() -> Plots.write(p, dir.resolve("i.pdf"), W, H)).hasMessageContaining("not supported");
    }
}
