package dev.smtpexplain.swing;

import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import javax.swing.Icon;

/**
 * The disclosure triangle of a collapsible section, drawn rather than taken from a font (CJK and Indic
 * fonts often lack ▸ and ▾): it points the way the text runs when closed, down when open.
 */
final class DisclosureIcon implements Icon {

    /** Where the triangle points. */
    enum Direction {
        RIGHT, LEFT, DOWN
    }

    private final Direction direction;
    private final int size;

    DisclosureIcon(Direction direction, int size) {
        this.direction = direction;
        this.size = size;
    }

    Direction direction() {
        return direction;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(c.getForeground());
            int s = size;
            int m = s / 4;
            Polygon p = switch (direction) {
                case RIGHT -> new Polygon(new int[] {x + m, x + s - m, x + m}, new int[] {y + 1, y + s / 2, y + s - 1}, 3);
                case LEFT -> new Polygon(new int[] {x + s - m, x + m, x + s - m}, new int[] {y + 1, y + s / 2, y + s - 1}, 3);
                case DOWN -> new Polygon(new int[] {x + 1, x + s - 1, x + s / 2}, new int[] {y + m, y + m, y + s - m}, 3);
            };
            g2.fillPolygon(p);
        } finally {
            g2.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return size;
    }

    @Override
    public int getIconHeight() {
        return size;
    }
}
