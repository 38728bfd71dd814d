package org.kkr4j.ml.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws with Java2D on an image (no window: works headless). */
public final class RasterCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;

    public RasterCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    private static Color awt(Rgb c) {
        return new Color(c.r(), c.g(), c.b(), c.alpha());
    }

    @Override
    public void rect(double x, double y, double w, double h, Rgb fill, Rgb stroke, String role) {
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        if (fill != null) {
            g.setColor(awt(fill));
            g.fill(r);
        }
        if (stroke != null) {
            g.setColor(awt(stroke));
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }
    }

    @Override
    public void circle(double cx, double cy, double r, Rgb fill, String role) {
        g.setColor(awt(fill));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb stroke, double width, boolean dashed, String role) {
        g.setColor(awt(stroke));
        g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    private static Path2D path(double[] xs, double[] ys) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                p.moveTo(xs[i], ys[i]);
            } else {
                p.lineTo(xs[i], ys[i]);
            }
        }
        return p;
    }

    @Override
    public void polyline(double[] xs, double[] ys, Rgb stroke, double width, String role) {
        g.setColor(awt(stroke));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path(xs, ys));
    }

    @Override
    public void polygon(double[] xs, double[] ys, Rgb fill, String role) {
        Path2D p = path(xs, ys);
        p.closePath();
        g.setColor(awt(fill));
        g.fill(p);
    }

    @Override
    public void text(double x, double y, String text, double sizePx, Anchor anchor, boolean rotated, String role) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(sizePx)));
        double w = g.getFontMetrics().stringWidth(text);
        double dx = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -w / 2;
            case END -> -w;
        };
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (rotated) {
            g.rotate(-Math.PI / 2);
        }
        g.drawString(text, (float) dx, 0f);
        g.setTransform(saved);
    }

    public BufferedImage image() {
        return image;
    }
}
