package org.kkr4j.ml.plot;

import java.util.Locale;

/** Writes SVG 1.1 text. */
public final class SvgCanvas implements Canvas {
    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder();

    public SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String paint(String attribute, Rgb c) {
        if (c == null) {
            return " " + attribute + "=\"none\"";
        }
        String s = " " + attribute + "=\"" + c.hex() + "\"";
        return c.alpha() == 255 ? s : s + " " + attribute + "-opacity=\"" + n(c.alpha() / 255.0) + "\"";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void rect(double x, double y, double w, double h, Rgb fill, Rgb stroke, String role) {
        body.append("<rect class=\"").append(role).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append('"')
                .append(paint("fill", fill)).append(paint("stroke", stroke)).append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Rgb fill, String role) {
        body.append("<circle class=\"").append(role).append("\" cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy))
                .append("\" r=\"").append(n(r)).append('"').append(paint("fill", fill)).append("/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb stroke, double width, boolean dashed, String role) {
        body.append("<line class=\"").append(role).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append('"')
                .append(paint("stroke", stroke)).append(" stroke-width=\"").append(n(width)).append('"')
                .append(dashed ? " stroke-dasharray=\"6 4\"" : "").append("/>\n");
    }

    private static String points(double[] xs, double[] ys) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            p.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return p.toString();
    }

    @Override
    public void polyline(double[] xs, double[] ys, Rgb stroke, double width, String role) {
        body.append("<polyline class=\"").append(role).append("\" points=\"").append(points(xs, ys)).append('"')
                .append(paint("fill", null)).append(paint("stroke", stroke)).append(" stroke-width=\"").append(n(width))
                .append("\"/>\n");
    }

    @Override
    public void polygon(double[] xs, double[] ys, Rgb fill, String role) {
        body.append("<polygon class=\"").append(role).append("\" points=\"").append(points(xs, ys)).append('"')
                .append(paint("fill", fill)).append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, double sizePx, Anchor anchor, boolean rotated, String role) {
        String a = switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        body.append("<text class=\"").append(role).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" font-family=\"sans-serif\" font-size=\"").append(n(sizePx)).append("\" text-anchor=\"")
                .append(a).append('"')
                .append(rotated ? " transform=\"rotate(-90 " + n(x) + " " + n(y) + ")\"" : "").append('>')
                .append(escape(text)).append("</text>\n");
    }

    public String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                + "width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
                + "<rect class=\"background\" x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height
                + "\" fill=\"#ffffff\"/>\n" + body + "</svg>\n";
    }
}
