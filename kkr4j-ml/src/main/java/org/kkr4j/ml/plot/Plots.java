package org.kkr4j.ml.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Renders plots to SVG text or PNG images and writes them to files. */
public final class Plots {
    private Plots() {
    }

    public static String svg(Plot plot, int widthPx, int heightPx) {
        SvgCanvas c = new SvgCanvas(widthPx, heightPx);
        plot.draw(c, widthPx, heightPx);
        return c.toSvg();
    }

    public static BufferedImage image(Plot plot, int widthPx, int heightPx) {
        if (widthPx < 1 || heightPx < 1) {
            throw new IllegalArgumentException("image size must be positive: " + widthPx + "x" + heightPx);
        }
        RasterCanvas c = new RasterCanvas(widthPx, heightPx);
        plot.draw(c, widthPx, heightPx);
        return c.image();
    }

    /** Writes {@code .svg} or {@code .png} by the file name's extension. */
    public static void write(Plot plot, Path file, int widthPx, int heightPx) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".svg")) {
                Files.writeString(file, svg(plot, widthPx, heightPx), StandardCharsets.UTF_8);
            } else if (name.endsWith(".png")) {
                if (!ImageIO.write(image(plot, widthPx, heightPx), "png", file.toFile())) {
                    throw new IllegalStateException("no PNG writer in this Java runtime");
                }
            } else {
                throw new IllegalArgumentException(file + ": plot format not supported (use .svg or .png)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
